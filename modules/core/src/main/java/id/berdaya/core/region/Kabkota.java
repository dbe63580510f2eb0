package id.berdaya.core.region;

/** A kabupaten or kota of Jawa Tengah, with how many kecamatan and desa/kelurahan it has. */
public record Kabkota(String code, String name, Type type, int kecamatanCount, int desaCount) {

    public enum Type { KABUPATEN, KOTA }

    /** "Kabupaten Pekalongan" or "Kota Pekalongan": four names exist as both. */
    public String displayName() {
        return (type == Type.KOTA ? "Kota " : "Kabupaten ") + name;
    }
}
