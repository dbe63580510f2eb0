package id.berdaya.training.partner;

import id.berdaya.core.RuleViolation;
import id.berdaya.db.enums.TrainingPartnerPartnerType;
import id.berdaya.db.tables.records.TrainingPartnerRecord;
import org.jooq.DSLContext;
import org.jooq.exception.DataChangedException;
import org.springframework.stereotype.Repository;

import java.util.List;
import java.util.Optional;

import static id.berdaya.db.Tables.TRAINING_PARTNER;
import static id.berdaya.db.Tables.TRAINING_PARTNER_USER;

/** Partner agencies: a provincial list (not district-owned), and which agency a PARTNER account belongs to. */
@Repository
class PartnerRepository {

    private final DSLContext dsl;

    PartnerRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    List<Partner> all() {
        return dsl.selectFrom(TRAINING_PARTNER).orderBy(TRAINING_PARTNER.NAME).fetch(PartnerRepository::toPartner);
    }

    Optional<Partner> find(long id) {
        return record(id).map(PartnerRepository::toPartner);
    }

    private Optional<TrainingPartnerRecord> record(long id) {
        return dsl.selectFrom(TRAINING_PARTNER).where(TRAINING_PARTNER.ID.eq(id)).fetchOptional();
    }

    Partner insert(NewPartner n) {
        TrainingPartnerRecord r = dsl.newRecord(TRAINING_PARTNER);
        fill(r, n);
        r.store();
        return toPartner(r);
    }

    /** Changes an agency against the version the user saw. */
    Partner update(long id, NewPartner n, int version) {
        TrainingPartnerRecord r = record(id).orElseThrow(() -> new RuleViolation(null, "error.notFound"));
        if (r.getVersion() != version) {
            throw RuleViolation.concurrentChange();
        }
        fill(r, n);
        store(r);
        return toPartner(r);
    }

    Partner storeMou(long id, String fileName, String sha256, byte[] content) {
        TrainingPartnerRecord r = record(id).orElseThrow(() -> new RuleViolation(null, "error.notFound"));
        r.setMouPdf(content);
        r.setMouFileName(fileName);
        r.setMouSha256(sha256);
        store(r);
        return toPartner(r);
    }

    Optional<MouFile> mou(long id) {
        return dsl.select(TRAINING_PARTNER.MOU_FILE_NAME, TRAINING_PARTNER.MOU_PDF).from(TRAINING_PARTNER)
                .where(TRAINING_PARTNER.ID.eq(id), TRAINING_PARTNER.MOU_PDF.isNotNull())
                .fetchOptional(r -> new MouFile(r.value1(), r.value2()));
    }

    boolean nameTaken(String name, long exceptId) {
        return dsl.fetchExists(TRAINING_PARTNER, TRAINING_PARTNER.NAME.eq(name), TRAINING_PARTNER.ID.ne(exceptId));
    }

    private static void store(TrainingPartnerRecord r) {
        try {
            r.store();
        } catch (DataChangedException e) {
            throw RuleViolation.concurrentChange();
        }
    }

    void assign(long userId, long partnerId) {
        dsl.insertInto(TRAINING_PARTNER_USER).set(TRAINING_PARTNER_USER.USER_ID, userId)
                .set(TRAINING_PARTNER_USER.PARTNER_ID, partnerId)
                .onDuplicateKeyUpdate().set(TRAINING_PARTNER_USER.PARTNER_ID, partnerId).execute();
    }

    Optional<Long> partnerOf(long userId) {
        return dsl.select(TRAINING_PARTNER_USER.PARTNER_ID).from(TRAINING_PARTNER_USER)
                .where(TRAINING_PARTNER_USER.USER_ID.eq(userId)).fetchOptional(TRAINING_PARTNER_USER.PARTNER_ID);
    }

    List<Long> usersOf(long partnerId) {
        return dsl.select(TRAINING_PARTNER_USER.USER_ID).from(TRAINING_PARTNER_USER)
                .where(TRAINING_PARTNER_USER.PARTNER_ID.eq(partnerId)).fetch(TRAINING_PARTNER_USER.USER_ID);
    }

    private static void fill(TrainingPartnerRecord r, NewPartner n) {
        r.setName(n.name().trim());
        r.setPartnerType(TrainingPartnerPartnerType.valueOf(n.type().name()));
        r.setKabkotaCode(n.kabkotaCode());
        r.setContactName(blankToNull(n.contactName()));
        r.setContactPhone(blankToNull(n.contactPhone()));
        r.setContactEmail(blankToNull(n.contactEmail()));
        r.setMouNumber(blankToNull(n.mouNumber()));
        r.setMouDate(n.mouDate());
        r.setMouValidUntil(n.mouValidUntil());
    }

    static Partner toPartner(TrainingPartnerRecord r) {
        return new Partner(r.getId(), r.getName(), PartnerType.valueOf(r.getPartnerType().getLiteral()), r.getKabkotaCode(),
                r.getContactName(), r.getContactPhone(), r.getContactEmail(), r.getMouNumber(), r.getMouDate(),
                r.getMouValidUntil(), r.getMouFileName(), r.getMouSha256(), Boolean.TRUE.equals(r.getActive()), r.getVersion());
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
