package id.berdaya.registry.imports;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * One chunk of loadable rows of an import, handed from the parsing thread to the loading one, and
 * back again to be filled anew: an import keeps two of them (one filling, one loading), so its
 * buffers are allocated once and the heap stays flat however long the file.
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
    /** Per row "name key TAB NIK", per token "district TAB token": sorted as bytes, no String kept per row. */
    private final TsvBuffer rowKeys = new TsvBuffer(1 << 18);
    private final TsvBuffer tokenKeys = new TsvBuffer(1 << 18);
    private final TsvBuffer tokenLines = new TsvBuffer(1 << 18);
    private final int[] starts;
    private final int[] keyStarts;
    private final int[] order;
    private int[] tokenRow;
    private int[] tokenStarts;
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
        keyStarts = new int[capacity + 1];
        order = new int[capacity];
        tokenRow = new int[capacity * 3];
        tokenStarts = new int[capacity * 3 + 1];
    }

    /** Empties the chunk for the next rows, keeping its buffers. */
    ImportChunk reset() {
        lines.clear();
        rowKeys.clear();
        tokenKeys.clear();
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
        keyStarts[count] = rowKeys.length();
        rowKeys.value(nameKey).value(nik).endLine();
        return lines;
    }

    void token(String district, String token) {
        if (tokenCount == tokenRow.length) {
            tokenRow = Arrays.copyOf(tokenRow, tokenRow.length * 2);
            tokenStarts = Arrays.copyOf(tokenStarts, tokenRow.length + 1);
        }
        tokenRow[tokenCount] = count;
        tokenStarts[tokenCount] = tokenKeys.length();
        tokenKeys.value(district).value(token).endLine();
        tokenCount++;
        tokenStarts[tokenCount] = tokenKeys.length();
    }

    void endRow() {
        count++;
        starts[count] = lines.length();
        keyStarts[count] = rowKeys.length();
    }

    /**
     * Puts the rows in name (then NIK) order and writes the tokens' lines in (district, token,
     * row) order, each line "row-in-chunk TAB district TAB token" (the loader adds the chunk's
     * first id). Names, tokens and codes hold no tab (they are normalised), so their bytes sort
     * as the pairs do, in the order of the register's binary collation.
     */
    void seal() {
        byte[] keys = rowKeys.bytes();
        Integer[] byName = new Integer[count];
        for (int i = 0; i < count; i++) {
            byName[i] = i;
        }
        Arrays.sort(byName, (a, b) -> Arrays.compareUnsigned(keys, keyStarts[a], keyStarts[a + 1], keys, keyStarts[b], keyStarts[b + 1]));
        int[] position = new int[count];
        for (int k = 0; k < count; k++) {
            order[k] = byName[k];
            position[byName[k]] = k;
        }
        if (count > 0) {
            firstNik = nikOf(order[0]);
            lastNik = nikOf(order[count - 1]);
        }
        byte[] tk = tokenKeys.bytes();
        Integer[] byToken = new Integer[tokenCount];
        for (int i = 0; i < tokenCount; i++) {
            byToken[i] = i;
        }
        Arrays.sort(byToken, (a, b) -> {
            int c = Arrays.compareUnsigned(tk, tokenStarts[a], tokenStarts[a + 1], tk, tokenStarts[b], tokenStarts[b + 1]);
            return c != 0 ? c : Integer.compare(position[tokenRow[a]], position[tokenRow[b]]);
        });
        for (int t : byToken) {
            tokenLines.value(position[tokenRow[t]]).rest(tk, tokenStarts[t], tokenStarts[t + 1] - tokenStarts[t]);
        }
    }

    /** The NIK of a row: its key's second field. */
    private String nikOf(int row) {
        byte[] keys = rowKeys.bytes();
        int end = keyStarts[row + 1] - 1; // before the newline
        int tab = end;
        while (keys[tab - 1] != '\t') {
            tab--;
        }
        return new String(keys, tab, end - tab, java.nio.charset.StandardCharsets.UTF_8);
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
