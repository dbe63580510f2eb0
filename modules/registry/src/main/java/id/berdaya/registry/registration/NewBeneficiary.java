package id.berdaya.registry.registration;

import id.berdaya.registry.LegalBasis;
import id.berdaya.registry.Sex;

import java.time.LocalDate;

/**
 * What a district operator enters to register a person, in four named parts, so that a caller
 * (or a test) changes one part, or one field of it, without copying the other twenty fields.
 * The flat accessors ({@link #nik()}, {@link #desaCode()}, ...) read through the parts.
 */
public record NewBeneficiary(Identity identity, Address address, Circumstances circumstances, Programme programme) {

    /** Who the person is: the NIK and KK numbers, names, sex, place and date of birth. */
    public record Identity(String nik, String kkNumber, String fullName, String nickname, Sex sex, String birthPlace,
                           LocalDate birthDate) {
        public Identity withKkNumber(String kkNumber) {
            return new Identity(nik, kkNumber, fullName, nickname, sex, birthPlace, birthDate);
        }

        public Identity withNik(String nik) {
            return new Identity(nik, kkNumber, fullName, nickname, sex, birthPlace, birthDate);
        }

        public Identity withFullName(String fullName) {
            return new Identity(nik, kkNumber, fullName, nickname, sex, birthPlace, birthDate);
        }

        public Identity withBirthDate(LocalDate birthDate) {
            return new Identity(nik, kkNumber, fullName, nickname, sex, birthPlace, birthDate);
        }
    }

    /** Where the person lives: region codes down to the desa, RT/RW and street. */
    public record Address(String kabkotaCode, String kecamatanCode, String desaCode, String rt, String rw, String street) {
        public Address withDesa(String desaCode) {
            return new Address(kabkotaCode, kecamatanCode, desaCode, rt, rw, street);
        }

        public Address withRtRw(String rt, String rw) {
            return new Address(kabkotaCode, kecamatanCode, desaCode, rt, rw, street);
        }
    }

    /** The phone number and the person's circumstances (marital status, education, occupation). */
    public record Circumstances(String phone, String maritalStatus, String education, String occupation) {
        public static final Circumstances NONE = new Circumstances(null, null, null, null);
    }

    /** Why the person is in the register: PPKS category, referral source, legal basis, sensitive notes. */
    public record Programme(Integer categoryId, String referralSource, LegalBasis legalBasis, String sensitiveNotes) {
        public Programme withCategory(Integer categoryId) {
            return new Programme(categoryId, referralSource, legalBasis, sensitiveNotes);
        }
    }

    public NewBeneficiary withIdentity(Identity identity) {
        return new NewBeneficiary(identity, address, circumstances, programme);
    }

    public NewBeneficiary withAddress(Address address) {
        return new NewBeneficiary(identity, address, circumstances, programme);
    }

    public NewBeneficiary withCircumstances(Circumstances circumstances) {
        return new NewBeneficiary(identity, address, circumstances, programme);
    }

    public NewBeneficiary withProgramme(Programme programme) {
        return new NewBeneficiary(identity, address, circumstances, programme);
    }

    public String nik() {
        return identity.nik();
    }

    public String kkNumber() {
        return identity.kkNumber();
    }

    public String fullName() {
        return identity.fullName();
    }

    public String nickname() {
        return identity.nickname();
    }

    public Sex sex() {
        return identity.sex();
    }

    public String birthPlace() {
        return identity.birthPlace();
    }

    public LocalDate birthDate() {
        return identity.birthDate();
    }

    public String kabkotaCode() {
        return address.kabkotaCode();
    }

    public String kecamatanCode() {
        return address.kecamatanCode();
    }

    public String desaCode() {
        return address.desaCode();
    }

    public String rt() {
        return address.rt();
    }

    public String rw() {
        return address.rw();
    }

    public String street() {
        return address.street();
    }

    public String phone() {
        return circumstances.phone();
    }

    public String maritalStatus() {
        return circumstances.maritalStatus();
    }

    public String education() {
        return circumstances.education();
    }

    public String occupation() {
        return circumstances.occupation();
    }

    public Integer categoryId() {
        return programme.categoryId();
    }

    public String referralSource() {
        return programme.referralSource();
    }

    public LegalBasis legalBasis() {
        return programme.legalBasis();
    }

    public String sensitiveNotes() {
        return programme.sensitiveNotes();
    }
}
