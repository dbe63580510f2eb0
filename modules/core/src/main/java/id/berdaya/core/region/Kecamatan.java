package id.berdaya.core.region;

/** A kecamatan (sub-district), Kemendagri code {@code 33.01.01}. */
public record Kecamatan(String code, String kabkotaCode, String name, int desaCount) {
}
