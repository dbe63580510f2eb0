package id.berdaya.core.region;

/** A desa or kelurahan, Kemendagri code {@code 33.01.01.2001} (fourth part 1xxx = kelurahan). */
public record Desa(String code, String kecamatanCode, String name) {

    public boolean kelurahan() {
        return code.charAt(9) == '1';
    }
}
