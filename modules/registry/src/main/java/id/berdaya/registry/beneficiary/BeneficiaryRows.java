package id.berdaya.registry.beneficiary;

import id.berdaya.registry.registration.NewBeneficiary;
import id.berdaya.registry.registration.RegistrationRules;
import id.berdaya.registry.LegalBasis;
import id.berdaya.registry.Sex;
import id.berdaya.registry.nik.NameKey;
import id.berdaya.registry.nik.NikCheck;

import id.berdaya.db.enums.RegistryBeneficiarySex;
import id.berdaya.db.tables.records.RegistryBeneficiaryRecord;

import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A beneficiary row and what is made of it: the list row and detail (NIK masked), the form's
 * input written into a row, and the snapshots the audit trail keeps. Repository-side code: the
 * service hands rows through it without touching their columns.
 */
final class BeneficiaryRows {

    private BeneficiaryRows() {
    }

    static BeneficiarySummary summary(RegistryBeneficiaryRecord r, String category) {
        return new BeneficiarySummary(r.getId(), NameKey.maskNik(r.getNik()), r.getFullName(), Sex.valueOf(r.getSex().getLiteral()),
                r.getBirthDate(), r.getKabkotaCode(), r.getKecamatanCode(), r.getDesaCode(), category,
                BeneficiaryStatus.valueOf(r.getStatus().getLiteral()), BeneficiaryRepository.flags(r));
    }

    /** The detail of a record; the category, the referral source and the sensitive notes only for {@code sensitive} roles. */
    static BeneficiaryDetail detail(RegistryBeneficiaryRecord r, boolean sensitive, Map<Integer, String> categoryNames) {
        return new BeneficiaryDetail(r.getId(), NameKey.maskNik(r.getNik()), NameKey.maskNik(r.getKkNumber()), r.getFullName(), r.getNickname(),
                Sex.valueOf(r.getSex().getLiteral()), r.getBirthPlace(), r.getBirthDate(), r.getKabkotaCode(), r.getKecamatanCode(),
                r.getDesaCode(), r.getRt(), r.getRw(), r.getStreet(), r.getPhone(), r.getMaritalStatus(), r.getEducation(),
                r.getOccupation(), sensitive ? categoryNames.get(r.getCategoryId()) : null, sensitive ? r.getReferralSource() : null,
                LegalBasis.valueOf(r.getLegalBasis().getLiteral()), BeneficiaryStatus.valueOf(r.getStatus().getLiteral()),
                BeneficiaryRepository.flags(r), r.getReturnReason(), sensitive ? r.getNotesSensitive() : null, r.getCreatedBy(),
                r.getCreatedAt().toInstant(ZoneOffset.UTC), r.getMergedInto(), r.getVersion());
    }

    static void apply(RegistryBeneficiaryRecord r, NewBeneficiary n, String nik, NikCheck nikCheck) {
        r.setNik(nik);
        r.setKkNumber(blankToNull(n.kkNumber()));
        r.setFullName(n.fullName().trim());
        r.setNameKey(NameKey.of(n.fullName()));
        r.setNickname(blankToNull(n.nickname()));
        r.setSex(RegistryBeneficiarySex.valueOf(n.sex().name()));
        r.setBirthPlace(blankToNull(n.birthPlace()));
        r.setBirthDate(n.birthDate());
        r.setKabkotaCode(n.kabkotaCode());
        r.setKecamatanCode(n.kecamatanCode());
        r.setDesaCode(n.desaCode());
        r.setRt(blankToNull(n.rt()));
        r.setRw(blankToNull(n.rw()));
        r.setStreet(blankToNull(n.street()));
        r.setPhone(blankToNull(n.phone()));
        r.setMaritalStatus(blankToNull(n.maritalStatus()));
        r.setEducation(blankToNull(n.education()));
        r.setOccupation(blankToNull(n.occupation()));
        r.setCategoryId(n.categoryId());
        r.setReferralSource(n.referralSource());
        r.setLegalBasis(BeneficiaryRepository.legalBasis(n.legalBasis()));
        r.setReviewFlags(nikCheck.flags().isEmpty() ? null : String.join(",", nikCheck.flags()));
        r.setNotesSensitive(blankToNull(n.sensitiveNotes()));
    }

    /** The fields a correction may change, as the audit trail keeps them (NIK and notes are recorded apart). */
    static Map<String, Object> fullSnapshot(RegistryBeneficiaryRecord r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("kkNumber", r.getKkNumber() == null ? null : NameKey.maskNik(r.getKkNumber()));
        m.put("fullName", r.getFullName());
        m.put("nickname", r.getNickname());
        m.put("sex", r.getSex().getLiteral());
        m.put("birthPlace", r.getBirthPlace());
        m.put("birthDate", String.valueOf(r.getBirthDate()));
        m.put("kecamatan", r.getKecamatanCode());
        m.put("desa", r.getDesaCode());
        m.put("rt", r.getRt());
        m.put("rw", r.getRw());
        m.put("street", r.getStreet());
        m.put("phone", r.getPhone());
        m.put("maritalStatus", r.getMaritalStatus());
        m.put("education", r.getEducation());
        m.put("occupation", r.getOccupation());
        m.put("category", r.getCategoryId());
        m.put("referralSource", r.getReferralSource());
        m.put("legalBasis", r.getLegalBasis().getLiteral());
        m.put("reviewFlags", r.getReviewFlags());
        return m;
    }

    /** What the audit trail keeps of a registration (NIK masked: the trail is read more widely than the register). */
    static Map<String, Object> snapshot(RegistryBeneficiaryRecord r, boolean withStatus) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("nik", NameKey.maskNik(r.getNik()));
        m.put("fullName", r.getFullName());
        m.put("kabkota", r.getKabkotaCode());
        m.put("desa", r.getDesaCode());
        if (withStatus) {
            m.put("status", r.getStatus().getLiteral());
        }
        if (r.getReviewFlags() != null) {
            m.put("reviewFlags", r.getReviewFlags());
        }
        return m;
    }

    private static String blankToNull(String s) {
        return RegistrationRules.blankToNull(s);
    }
}
