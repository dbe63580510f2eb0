package id.berdaya.registry.duplicate;

import id.berdaya.core.scope.DistrictScope;
import id.berdaya.core.scope.DistrictScopedRepository;
import id.berdaya.db.tables.records.RegistryDuplicateRecord;
import id.berdaya.db.enums.RegistryDuplicateStatus;
import org.jooq.DSLContext;
import org.springframework.stereotype.Repository;

import static id.berdaya.db.Tables.REGISTRY_DUPLICATE;

/** The queue of possible duplicates (same normalised name and birth date, different NIK). */
@Repository
class DuplicateRepository extends DistrictScopedRepository<RegistryDuplicateRecord> {

    DuplicateRepository(DSLContext dsl, DistrictScope scope) {
        super(dsl, scope, REGISTRY_DUPLICATE, REGISTRY_DUPLICATE.KABKOTA_CODE, REGISTRY_DUPLICATE.ID, "BENEFICIARY_DUPLICATE");
    }

    void open(long beneficiaryId, long otherId, String kabkota, String reason) {
        writing(kabkota).insertInto(REGISTRY_DUPLICATE)
                .set(REGISTRY_DUPLICATE.BENEFICIARY_ID, beneficiaryId)
                .set(REGISTRY_DUPLICATE.OTHER_ID, otherId)
                .set(REGISTRY_DUPLICATE.KABKOTA_CODE, kabkota)
                .set(REGISTRY_DUPLICATE.REASON, reason)
                .onDuplicateKeyIgnore()
                .execute();
    }

    /** Open pairs whose newer record is in {@code kabkota} (null: any district), counted. */
    int countOpen(String kabkota) {
        return countVisible(openIn(kabkota));
    }

    /** Open pairs whose newer record is in {@code kabkota} (null: any district), oldest first. */
    java.util.List<RegistryDuplicateRecord> open(String kabkota, int limit) {
        return selectVisible(openIn(kabkota)).orderBy(REGISTRY_DUPLICATE.ID).limit(limit).fetch();
    }

    private static org.jooq.Condition openIn(String kabkota) {
        org.jooq.Condition open = REGISTRY_DUPLICATE.STATUS.eq(RegistryDuplicateStatus.OPEN);
        return kabkota == null ? open : open.and(REGISTRY_DUPLICATE.KABKOTA_CODE.eq(kabkota));
    }

    /** The open pairs one record belongs to, on either side. */
    java.util.List<RegistryDuplicateRecord> openOf(long beneficiaryId) {
        return selectVisible(REGISTRY_DUPLICATE.STATUS.eq(RegistryDuplicateStatus.OPEN)
                .and(REGISTRY_DUPLICATE.BENEFICIARY_ID.eq(beneficiaryId).or(REGISTRY_DUPLICATE.OTHER_ID.eq(beneficiaryId))))
                .orderBy(REGISTRY_DUPLICATE.ID).limit(200).fetch();
    }

    java.util.Optional<RegistryDuplicateRecord> find(long id) {
        return findVisible(id);
    }
}
