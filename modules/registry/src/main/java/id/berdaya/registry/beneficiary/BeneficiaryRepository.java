package id.berdaya.registry.beneficiary;

import id.berdaya.registry.registration.NewBeneficiary;
import id.berdaya.registry.RegistryEntity;
import id.berdaya.registry.LegalBasis;
import id.berdaya.registry.Sex;

import id.berdaya.core.RuleViolation;
import id.berdaya.core.scope.DistrictScope;
import id.berdaya.core.scope.DistrictScopedRepository;
import id.berdaya.core.scope.UnscopedReason;
import id.berdaya.db.enums.RegistryBeneficiaryLegalBasis;
import id.berdaya.db.tables.records.RegistryBeneficiaryRecord;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.exception.DataChangedException;
import org.springframework.stereotype.Repository;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.function.Supplier;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import static id.berdaya.db.Tables.REGISTRY_BENEFICIARY;
import static id.berdaya.db.Tables.REGISTRY_CATEGORY;
import static id.berdaya.db.Tables.REGISTRY_NAME_TOKEN;

/** Beneficiaries: every read within the current user's district scope. */
@Repository
class BeneficiaryRepository extends DistrictScopedRepository<RegistryBeneficiaryRecord> {

    private static final Field<String> CATEGORY_NAME = REGISTRY_CATEGORY.NAME;

    BeneficiaryRepository(DSLContext dsl, DistrictScope scope) {
        super(dsl, scope, REGISTRY_BENEFICIARY, REGISTRY_BENEFICIARY.KABKOTA_CODE, REGISTRY_BENEFICIARY.ID, RegistryEntity.BENEFICIARY);
    }

    /**
     * The district where a NIK is registered, whoever may see it, so that the duplicate rule can
     * tell the user's own district from another one; the user is never told which other district.
     */
    Optional<String> districtOfNik(String nik) {
        return unscoped(UnscopedReason.NIK_REGISTERED_ELSEWHERE).select(REGISTRY_BENEFICIARY.KABKOTA_CODE).from(REGISTRY_BENEFICIARY)
                .where(REGISTRY_BENEFICIARY.NIK.eq(nik)).fetchOptional(REGISTRY_BENEFICIARY.KABKOTA_CODE);
    }

    /** The visible record with this NIK. */
    Optional<RegistryBeneficiaryRecord> findVisibleByNik(String nik) {
        return selectVisible(REGISTRY_BENEFICIARY.NIK.eq(nik)).fetchOptional();
    }

    Optional<RegistryBeneficiaryRecord> find(long id) {
        return findVisible(id);
    }

    /** Where a visible record is, and its numbers (the service's reveal, household and document checks). */
    record Located(long id, String kabkotaCode, String nik, String kkNumber) {
    }

    /** A visible record's district and numbers; another district's is "not found" (audited as a denial). */
    Optional<Located> locate(long id) {
        return findVisible(id).map(r -> new Located(r.getId(), r.getKabkotaCode(), r.getNik(), r.getKkNumber()));
    }

    /** Where a visible record's person lives and their status; another district's is "not found" (audited as a denial). */
    Optional<BeneficiaryPlace> place(long id) {
        return findVisible(id).map(r -> new BeneficiaryPlace(r.getId(), r.getFullName(), r.getKabkotaCode(), r.getKecamatanCode(),
                BeneficiaryStatus.valueOf(r.getStatus().getLiteral())));
    }

    /** A visible record as the registration form edits it. */
    Optional<NewBeneficiary> findForEditing(long id) {
        return findVisible(id).map(BeneficiaryRepository::toNew);
    }

    /** A visible record's detail; the category and the notes only for {@code sensitive} roles. */
    Optional<BeneficiaryDetail> findDetail(long id, boolean sensitive, Supplier<Map<Integer, String>> categoryNames) {
        return findVisible(id).map(r -> BeneficiaryRows.detail(r, sensitive, sensitive ? categoryNames.get() : Map.of()));
    }

    /** The visible records among {@code ids} as details, in one query, keyed by id. */
    Map<Long, BeneficiaryDetail> details(Collection<Long> ids, boolean sensitive, Supplier<Map<Integer, String>> categoryNames) {
        Map<Long, BeneficiaryDetail> details = new HashMap<>();
        findVisible(ids).forEach((id, r) -> details.put(id, BeneficiaryRows.detail(r, sensitive,
                sensitive ? categoryNames.get() : Map.of())));
        return details;
    }

    /** The visible records among {@code ids}, in one query, keyed by id. */
    Map<Long, RegistryBeneficiaryRecord> find(Collection<Long> ids) {
        return findVisible(ids);
    }

    /** The desa/kelurahan codes of the visible records among {@code ids}, in one query, keyed by id. */
    Map<Long, String> desaCodes(Collection<Long> ids) {
        Map<Long, String> codes = new HashMap<>();
        findVisible(ids).forEach((id, r) -> codes.put(id, r.getDesaCode()));
        return codes;
    }

    /** The NIKs of the visible records among {@code ids}, in one query, keyed by id (for comparison inside the service). */
    Map<Long, String> niks(Collection<Long> ids) {
        Map<Long, String> niks = new HashMap<>();
        findVisible(ids).forEach((id, r) -> niks.put(id, r.getNik()));
        return niks;
    }

    /** Records with the same normalised name and birth date (possible duplicates), in any district. */
    List<Long> similar(String nameKey, LocalDate birthDate, long exceptId) {
        return unscoped(UnscopedReason.DUPLICATE_CANDIDATES).select(REGISTRY_BENEFICIARY.ID).from(REGISTRY_BENEFICIARY)
                .where(REGISTRY_BENEFICIARY.NAME_KEY.eq(nameKey), REGISTRY_BENEFICIARY.BIRTH_DATE.eq(birthDate),
                        REGISTRY_BENEFICIARY.ID.ne(exceptId))
                .fetch(REGISTRY_BENEFICIARY.ID);
    }

    /** Records that were merged into this one (their history and documents belong to it now). */
    List<Long> mergedInto(long id) {
        return selectVisible(REGISTRY_BENEFICIARY.MERGED_INTO.eq(id)).fetch(REGISTRY_BENEFICIARY.ID);
    }

    RegistryBeneficiaryRecord newRecordIn(String kabkota) {
        return newRecord(kabkota);
    }

    /** Stores a new record (made by {@link #newRecordIn(String)}, so within the user's districts). */
    void insert(RegistryBeneficiaryRecord r) {
        r.store();
    }

    /** Stores a change of a visible record against the version it was read with. */
    void update(RegistryBeneficiaryRecord r) {
        try {
            r.store();
        } catch (DataChangedException e) {
            throw RuleViolation.concurrentChange();
        }
    }

    void storeTokens(long id, String kabkota, List<String> tokens) {
        DSLContext dsl = writing(kabkota);
        dsl.deleteFrom(REGISTRY_NAME_TOKEN).where(REGISTRY_NAME_TOKEN.BENEFICIARY_ID.eq(id)).execute();
        var insert = dsl.insertInto(REGISTRY_NAME_TOKEN, REGISTRY_NAME_TOKEN.BENEFICIARY_ID, REGISTRY_NAME_TOKEN.KABKOTA_CODE, REGISTRY_NAME_TOKEN.TOKEN);
        for (String t : tokens) {
            insert = insert.values(id, kabkota, t);
        }
        if (!tokens.isEmpty()) {
            insert.execute();
        }
    }

    /** Household members: visible records sharing a KK number, as list rows without the category. */
    List<BeneficiarySummary> household(String kkNumber, long exceptId) {
        return selectVisible(REGISTRY_BENEFICIARY.KK_NUMBER.eq(kkNumber).and(REGISTRY_BENEFICIARY.ID.ne(exceptId)))
                .orderBy(REGISTRY_BENEFICIARY.BIRTH_DATE).limit(50).fetch(m -> BeneficiaryRows.summary(m, null));
    }

    static List<String> flags(RegistryBeneficiaryRecord r) {
        return flags(r.getReviewFlags());
    }

    static List<String> flags(String reviewFlags) {
        return reviewFlags == null ? List.of() : Arrays.asList(reviewFlags.split(","));
    }

    static RegistryBeneficiaryLegalBasis legalBasis(LegalBasis b) {
        return RegistryBeneficiaryLegalBasis.valueOf(b.name());
    }

    /** A stored record as the registration form's input (for the edit form). */
    static NewBeneficiary toNew(RegistryBeneficiaryRecord r) {
        return new NewBeneficiary(
                new NewBeneficiary.Identity(r.getNik(), r.getKkNumber(), r.getFullName(), r.getNickname(),
                        Sex.valueOf(r.getSex().getLiteral()), r.getBirthPlace(), r.getBirthDate()),
                new NewBeneficiary.Address(r.getKabkotaCode(), r.getKecamatanCode(), r.getDesaCode(), r.getRt(), r.getRw(), r.getStreet()),
                new NewBeneficiary.Circumstances(r.getPhone(), r.getMaritalStatus(), r.getEducation(), r.getOccupation()),
                new NewBeneficiary.Programme(r.getCategoryId(), r.getReferralSource(), LegalBasis.valueOf(r.getLegalBasis().getLiteral()),
                        r.getNotesSensitive()));
    }
}
