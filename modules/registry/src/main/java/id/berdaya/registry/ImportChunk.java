package id.berdaya.registry;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * One chunk of loadable rows of an import, handed from the parsing thread to the loading one, and
 * back again to be filled anew: an import keeps three of them (one filling, one waiting, one
 * loading), so its buffers are allocated once and the heap stays flat however long the file.
 *
 * <p>Before it is handed over ({@link #seal()}), the rows are put in name order and the name
 * tokens in (district, token) order: each index of the register is then written in one ascending
 * sweep per chunk instead of at random, which keeps a large import fast once the indexes outgrow
 * the buffer pool. The rows are not copied for that: {@link #rows()} reads them in that order
 * from where they were written.
 */
final class ImportChunk {

    private final int capacity;
    private final TsvBuffer lines = new TsvBuffer(1 << 20);
    private final TsvBuffer tokenLines = new TsvBuffer(1 << 18);
    private final int[] starts;
    private final String[] keys;
    private final String[] niks;
    private final int[] order;
    private int[] tokenRow;
    private String[] tokenDistrict;
    private String[] tokenText;
    final List<ImportIssue> issues = new ArrayList<>();
    int count;
    int tokenCount;
    int processed;
    String firstNik;
    String lastNik;
    Throwable failure;
    boolean last;

    ImportChunk(int capacity) {
        this.capacity = capacity;
        starts = new int[capacity + 1];
        keys = new String[capacity];
        niks = new String[capacity];
        order = new int[capacity];
        tokenRow = new int[capacity * 3];
        tokenDistrict = new String[capacity * 3];
        tokenText = new String[capacity * 3];
    }

    /** Empties the chunk for the next rows, keeping its buffers. */
    ImportChunk reset() {
        lines.clear();
        tokenLines.clear();
        issues.clear();
        count = 0;
        tokenCount = 0;
        processed = 0;
        firstNik = null;
        lastNik = null;
        failure = null;
        last = false;
        return this;
    }

    boolean full() {
        return count >= capacity || issues.size() >= capacity;
    }

    /** Starts the next row: its TSV line goes into the returned buffer, then {@link #endRow()}. */
    TsvBuffer startRow(String nik, String nameKey) {
        starts[count] = lines.length();
        keys[count] = nameKey;
        niks[count] = nik;
        return lines;
    }

    void token(String district, String token) {
        if (tokenCount == tokenRow.length) {
            int more = tokenRow.length * 2;
            tokenRow = Arrays.copyOf(tokenRow, more);
            tokenDistrict = Arrays.copyOf(tokenDistrict, more);
            tokenText = Arrays.copyOf(tokenText, more);
        }
        tokenRow[tokenCount] = count;
        tokenDistrict[tokenCount] = district;
        tokenText[tokenCount] = token;
        tokenCount++;
    }

    void endRow() {
        count++;
        starts[count] = lines.length();
    }

    /**
     * Puts the rows in name (then NIK) order and writes the tokens' lines in (district, token,
     * row) order, each line "row-in-chunk TAB district TAB token" (the loader adds the chunk's
     * first id); lets go of the keys and tokens.
     */
    void seal() {
        Integer[] byName = new Integer[count];
        for (int i = 0; i < count; i++) {
            byName[i] = i;
        }
        Arrays.sort(byName, (a, b) -> {
            int c = keys[a].compareTo(keys[b]);
            return c != 0 ? c : niks[a].compareTo(niks[b]);
        });
        int[] position = new int[count];
        for (int k = 0; k < count; k++) {
            order[k] = byName[k];
            position[byName[k]] = k;
        }
        if (count > 0) {
            firstNik = niks[order[0]];
            lastNik = niks[order[count - 1]];
        }
        Integer[] byToken = new Integer[tokenCount];
        for (int i = 0; i < tokenCount; i++) {
            byToken[i] = i;
        }
        Arrays.sort(byToken, (a, b) -> {
            int c = tokenDistrict[a].compareTo(tokenDistrict[b]);
            if (c == 0) {
                c = tokenText[a].compareTo(tokenText[b]);
            }
            return c != 0 ? c : Integer.compare(position[tokenRow[a]], position[tokenRow[b]]);
        });
        for (int t : byToken) {
            tokenLines.value(position[tokenRow[t]]).value(tokenDistrict[t]).value(tokenText[t]).endLine();
        }
        Arrays.fill(keys, 0, count, null);
        Arrays.fill(niks, 0, count, null);
        Arrays.fill(tokenDistrict, 0, tokenCount, null);
        Arrays.fill(tokenText, 0, tokenCount, null);
    }

    /** The sealed rows' lines in name order. */
    InputStream rows() {
        return new InputStream() {
            private int row;
            private int at = count > 0 ? starts[order[0]] : 0;

            @Override
            public int read() {
                byte[] one = new byte[1];
                return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
            }

            @Override
            public int read(byte[] b, int off, int len) {
                if (len == 0) {
                    return 0;
                }
                int done = 0;
                while (done < len && row < count) {
                    int end = starts[order[row] + 1];
                    int n = Math.min(len - done, end - at);
                    System.arraycopy(lines.bytes(), at, b, off + done, n);
                    done += n;
                    at += n;
                    if (at == end && ++row < count) {
                        at = starts[order[row]];
                    }
                }
                return done == 0 ? -1 : done;
            }
        };
    }

    /** The sealed tokens' lines. */
    InputStream tokens() {
        return new ByteArrayInputStream(tokenLines.bytes(), 0, tokenLines.length());
    }
}
