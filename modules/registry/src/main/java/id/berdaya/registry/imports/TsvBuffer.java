package id.berdaya.registry.imports;

import java.util.Arrays;

/**
 * Lines for {@code LOAD DATA ... FIELDS TERMINATED BY '\t' ESCAPED BY '\\'}, written as UTF-8
 * straight into a reusable byte array (no String per line): {@code \N} for NULL, tab, newline,
 * carriage return, backslash and NUL escaped.
 */
final class TsvBuffer {

    private byte[] bytes;
    private int length;
    private boolean lineStart = true;

    TsvBuffer(int capacity) {
        bytes = new byte[capacity];
    }

    byte[] bytes() {
        return bytes;
    }

    int length() {
        return length;
    }

    void clear() {
        length = 0;
        lineStart = true;
    }

    TsvBuffer value(String s) {
        separate();
        if (s == null) {
            ensure(2);
            bytes[length++] = '\\';
            bytes[length++] = 'N';
            return this;
        }
        ensure(s.length() * 4 + 2);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                switch (c) {
                    case '\t' -> escape('t');
                    case '\n' -> escape('n');
                    case '\r' -> escape('r');
                    case '\\' -> escape('\\');
                    case 0 -> escape('0');
                    default -> bytes[length++] = (byte) c;
                }
            } else if (c < 0x800) {
                bytes[length++] = (byte) (0xC0 | (c >> 6));
                bytes[length++] = (byte) (0x80 | (c & 0x3F));
            } else if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                int cp = Character.toCodePoint(c, s.charAt(++i));
                bytes[length++] = (byte) (0xF0 | (cp >> 18));
                bytes[length++] = (byte) (0x80 | ((cp >> 12) & 0x3F));
                bytes[length++] = (byte) (0x80 | ((cp >> 6) & 0x3F));
                bytes[length++] = (byte) (0x80 | (cp & 0x3F));
            } else {
                bytes[length++] = (byte) (0xE0 | (c >> 12));
                bytes[length++] = (byte) (0x80 | ((c >> 6) & 0x3F));
                bytes[length++] = (byte) (0x80 | (c & 0x3F));
            }
        }
        return this;
    }

    TsvBuffer value(long n) {
        return value(Long.toString(n));
    }

    /** Appends bytes that are already in this format and end a line (from another buffer). */
    private void raw(byte[] from, int offset, int count) {
        ensure(count);
        System.arraycopy(from, offset, bytes, length, count);
        length += count;
        lineStart = true;
    }

    /** Ends the current line with bytes of this format that hold its remaining fields and the line end. */
    void rest(byte[] from, int offset, int count) {
        separate();
        raw(from, offset, count);
    }

    void endLine() {
        ensure(1);
        bytes[length++] = '\n';
        lineStart = true;
    }

    private void separate() {
        if (!lineStart) {
            ensure(1);
            bytes[length++] = '\t';
        }
        lineStart = false;
    }

    private void escape(char c) {
        bytes[length++] = '\\';
        bytes[length++] = (byte) c;
    }

    private void ensure(int more) {
        if (length + more > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(bytes.length + (bytes.length >> 1), length + more));
        }
    }
}
