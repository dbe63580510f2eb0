package id.berdaya.registry.imports;

import java.util.List;

/**
 * The columns of the import template, in order: the fields of the registration form. The header
 * names are what the file must carry (case and surrounding spaces do not matter; the order does
 * not either).
 */
public enum ImportColumn {
    NIK("nik"),
    KK_NUMBER("no_kk"),
    FULL_NAME("nama_lengkap"),
    NICKNAME("nama_panggilan"),
    SEX("jenis_kelamin"),
    BIRTH_PLACE("tempat_lahir"),
    BIRTH_DATE("tanggal_lahir"),
    KABKOTA("kode_kabkota"),
    KECAMATAN("kode_kecamatan"),
    DESA("kode_desa"),
    RT("rt"),
    RW("rw"),
    STREET("alamat_jalan"),
    PHONE("telepon"),
    MARITAL_STATUS("status_perkawinan"),
    EDUCATION("pendidikan"),
    OCCUPATION("pekerjaan"),
    CATEGORY("nomor_jenis_ppks"),
    REFERRAL_SOURCE("sumber_rujukan"),
    LEGAL_BASIS("dasar_pemrosesan"),
    SENSITIVE_NOTES("catatan_sensitif");

    private final String header;

    ImportColumn(String header) {
        this.header = header;
    }

    public String header() {
        return header;
    }

    /** The header row of the template. */
    public static List<String> headers() {
        return java.util.Arrays.stream(values()).map(ImportColumn::header).toList();
    }
}
