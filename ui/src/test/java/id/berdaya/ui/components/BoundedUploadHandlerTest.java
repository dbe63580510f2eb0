package id.berdaya.ui.components;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BoundedUploadHandlerTest {

    static final long MAX = 5L * 1024 * 1024;

    /** An endless upload body that counts what was read from it. */
    static final class CountingBody extends InputStream {
        long read;
        final long size;

        CountingBody(long size) {
            this.size = size;
        }

        @Override
        public int read() {
            return read < size ? (int) (read++ & 0x7f) : -1;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (read >= size) {
                return -1;
            }
            int n = (int) Math.min(len, size - read);
            read += n;
            return n;
        }
    }

    @Test
    void anOverLimitBodyIsRefusedAtTheFirstBytePastTheLimitNotReadWhole() {
        CountingBody body = new CountingBody(100 * MAX);
        assertThatThrownBy(() -> BoundedUploadHandler.limited(body, MAX).readAllBytes())
                .isInstanceOf(BoundedUploadHandler.TooLarge.class);
        assertThat(body.read).isEqualTo(MAX + 1);
    }

    @Test
    void aBodyAtTheLimitIsReadWhole() throws IOException {
        CountingBody body = new CountingBody(MAX);
        assertThat(BoundedUploadHandler.limited(body, MAX).readAllBytes()).hasSize((int) MAX);
    }

    @Test
    void anOverLimitImportIsNotWrittenAndTheFileIsRemoved(@TempDir Path home) {
        Path imports = home.resolve("imports");
        CountingBody body = new CountingBody(100 * MAX);
        assertThatThrownBy(() -> PrivateUploads.receive(imports, BoundedUploadHandler.limited(body, MAX)))
                .isInstanceOf(BoundedUploadHandler.TooLarge.class);
        assertThat(body.read).isEqualTo(MAX + 1);
        assertThat(imports.toFile().list()).isEmpty();
    }

    @Test
    void anUploadIsWrittenOwnerOnlyIntoTheOwnerOnlyDirectory(@TempDir Path home) throws IOException {
        Path imports = home.resolve("imports");
        Path file = PrivateUploads.receive(imports, new CountingBody(1000));
        assertThat(file.getParent()).isEqualTo(imports);
        assertThat(Files.size(file)).isEqualTo(1000);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(imports))).isEqualTo("rwx------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
    }
}
