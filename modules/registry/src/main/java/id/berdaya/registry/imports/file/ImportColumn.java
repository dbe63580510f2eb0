package id.berdaya.registry.imports.file;

import id.berdaya.registry.LegalBasis;
import id.berdaya.registry.Sex;
import id.berdaya.registry.category.Category;
import id.berdaya.registry.registration.RegistrationRules;

import id.berdaya.core.RuleViolation.Problem;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

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

    /**
     * The rows of the template's second sheet: each coded column, a value it allows and what that
     * value means, in the user's language ({@code text} translates a message key).
     */
    public static List<List<Object>> allowedValues(List<Category> categories, Function<Problem, String> text) {
        List<List<Object>> rows = new ArrayList<>();
        for (Sex s : Sex.values()) {
            rows.add(List.of(SEX.header, s.name(), text.apply(new Problem(null, "registry.sex." + s.name()))));
        }
        rows.add(List.of(BIRTH_DATE.header, "DD/MM/YYYY", text.apply(new Problem(null, "import.template.dateFormat"))));
        for (Category c : categories) {
            if (c.active()) {
                rows.add(List.of(CATEGORY.header, c.number(), c.name()));
            }
        }
        for (String r : RegistrationRules.REFERRAL_SOURCES) {
            rows.add(List.of(REFERRAL_SOURCE.header, r, text.apply(new Problem(null, "registry.referral." + r))));
        }
        for (LegalBasis b : LegalBasis.values()) {
            rows.add(List.of(LEGAL_BASIS.header, b.name(), text.apply(new Problem(null, "registry.legalBasis." + b.name()))));
        }
        return rows;
    }
}
