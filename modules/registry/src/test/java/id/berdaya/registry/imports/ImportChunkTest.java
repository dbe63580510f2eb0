package id.berdaya.registry.imports;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class ImportChunkTest {

    private static void row(ImportChunk c, String nik, String key, String district) {
        c.startRow(nik, key).value(nik).value(key).endLine();
        for (String t : key.split(" ")) {
            c.token(district, t);
        }
        c.endRow();
    }

    private static String read(InputStream in, int bufferSize) throws IOException {
        StringBuilder s = new StringBuilder();
        byte[] b = new byte[bufferSize];
        for (int n; (n = in.read(b, 0, b.length)) > 0; ) {
            s.append(new String(b, 0, n, StandardCharsets.UTF_8));
        }
        assertThat(in.read(b, 0, b.length)).isEqualTo(-1);
        return s.toString();
    }

    @Test
    void sealedRowsReadInNameOrderAndTokensInDistrictTokenOrderWithTheirRowInTheChunk() throws IOException {
        ImportChunk c = new ImportChunk(10);
        row(c, "3303000000000002", "wati sari", "33.03");
        row(c, "3301000000000001", "ani sari", "33.01");
        row(c, "3303000000000003", "ani sari", "33.03");
        c.seal();

        String rows = "3301000000000001\tani sari\n3303000000000003\tani sari\n3303000000000002\twati sari\n";
        assertThat(read(c.rows(), 7)).as("read in small pieces across line ends").isEqualTo(rows);
        assertThat(read(c.rows(), 4096)).isEqualTo(rows);
        assertThat(c.firstNik).isEqualTo("3301000000000001");
        assertThat(c.lastNik).isEqualTo("3303000000000002");
        assertThat(read(c.tokens(), 4096)).isEqualTo(
                "0\t33.01\tani\n0\t33.01\tsari\n1\t33.03\tani\n1\t33.03\tsari\n2\t33.03\tsari\n2\t33.03\twati\n");
    }

    @Test
    void aResetChunkHoldsOnlyTheRowsWrittenAfter() throws IOException {
        ImportChunk c = new ImportChunk(2);
        row(c, "3303000000000002", "budi", "33.03");
        row(c, "3303000000000001", "agus", "33.03");
        assertThat(c.full()).isTrue();
        c.seal();

        c.reset();
        assertThat(c.full()).isFalse();
        row(c, "3374000000000009", "citra", "33.74");
        c.seal();
        assertThat(read(c.rows(), 64)).isEqualTo("3374000000000009\tcitra\n");
        assertThat(read(c.tokens(), 64)).isEqualTo("0\t33.74\tcitra\n");
        assertThat(c.count).isEqualTo(1);
        assertThat(c.tokenCount).isEqualTo(1);
    }

    @Test
    void anEmptyChunkReadsNothing() throws IOException {
        ImportChunk c = new ImportChunk(5);
        c.seal();
        assertThat(c.rows().read(new byte[8], 0, 8)).isEqualTo(-1);
        assertThat(read(c.tokens(), 8)).isEmpty();
    }
}
