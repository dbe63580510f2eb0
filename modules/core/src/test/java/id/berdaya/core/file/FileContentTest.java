package id.berdaya.core.file;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/** An upload's type by its first bytes and a safe file name from whatever the browser sent. */
class FileContentTest {

    @Test
    void theTypeComesFromTheContentNotTheName() {
        assertThat(FileContent.sniff("%PDF-1.4\n".getBytes(StandardCharsets.US_ASCII))).isEqualTo(FileContent.PDF);
        assertThat(FileContent.sniff(new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, 0x00})).isEqualTo(FileContent.JPEG);
        assertThat(FileContent.sniff("bukan berkas".getBytes(StandardCharsets.UTF_8))).isNull();
    }

    @Test
    void aSafeNameHasNoPathNoExtensionAndNoOddCharacters() {
        assertThat(FileContent.safeName("C:\\scan\\bast ditandatangani.jpeg", "x")).isEqualTo("bast ditandatangani");
        assertThat(FileContent.safeName("../../etc/passwd", "x")).isEqualTo("passwd");
        assertThat(FileContent.safeName("a<b>|c.pdf", "x")).isEqualTo("a_b__c");
        assertThat(FileContent.safeName(null, "daftar-hadir-7")).isEqualTo("daftar-hadir-7");
        assertThat(FileContent.safeName(".pdf", "bast-1")).isEqualTo("bast-1");
        assertThat(FileContent.safeName("n".repeat(300) + ".png", "x")).hasSize(150);
    }
}
