package id.berdaya.registry.duplicate;

import id.berdaya.registry.RegistryEntity;
import id.berdaya.core.scope.DistrictScope;
import id.berdaya.core.scope.DistrictScopedRepository;
import id.berdaya.db.tables.records.RegistryDuplicateRecord;
import id.berdaya.db.enums.RegistryDuplicateStatus;
import org.jooq.DSLContext;
import org.springframework.stereotype.Repository;

import java.time.LocalDateTime;

import static id.berdaya.db.Tables.REGISTRY_DUPLICATE;

/** The queue of possible duplicates (same normalised name and birth date, different NIK). */
@Repository
class DuplicateRepository extends DistrictScopedRepository<RegistryDuplicateRecord> {

    /** A pair of the queue as the service sees it. */
    record Pair(long id, long beneficiaryId, long otherId, String kabkotaCode, String reason, int version, boolean open) {
    }

    /** How a pair left the queue. */
    enum Resolution { MERGED, DISMISSED }

    DuplicateRepository(DSLContext dsl, DistrictScope scope) {
        super(dsl, scope, REGISTRY_DUPLICATE, REGISTRY_DUPLICATE.KABKOTA_CODE, REGISTRY_DUPLICATE.ID, RegistryEntity.BENEFICIARY_DUPLICATE);
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
    java.util.List<Pair> open(String kabkota, int limit) {
        return selectVisible(openIn(kabkota)).orderBy(REGISTRY_DUPLICATE.ID).limit(limit).fetch(DuplicateRepository::pair);
    }

    private static org.jooq.Condition openIn(String kabkota) {
        org.jooq.Condition open = REGISTRY_DUPLICATE.STATUS.eq(RegistryDuplicateStatus.OPEN);
        return kabkota == null ? open : open.and(REGISTRY_DUPLICATE.KABKOTA_CODE.eq(kabkota));
    }

    /** The open pairs one record belongs to, on either side. */
    java.util.List<Pair> openOf(long beneficiaryId) {
        return selectVisible(REGISTRY_DUPLICATE.STATUS.eq(RegistryDuplicateStatus.OPEN)
                .and(REGISTRY_DUPLICATE.BENEFICIARY_ID.eq(beneficiaryId).or(REGISTRY_DUPLICATE.OTHER_ID.eq(beneficiaryId))))
                .orderBy(REGISTRY_DUPLICATE.ID).limit(200).fetch(DuplicateRepository::pair);
    }

    java.util.Optional<Pair> find(long id) {
        return findVisible(id).map(DuplicateRepository::pair);
    }

    /**
     * An open pair leaves the queue, against the version the reviewer saw: false when someone
     * else changed it first.
     */
    boolean resolve(Pair pair, Resolution resolution, String by, LocalDateTime at) {
        return writing(pair.kabkotaCode()).update(REGISTRY_DUPLICATE)
                .set(REGISTRY_DUPLICATE.STATUS, RegistryDuplicateStatus.valueOf(resolution.name()))
                .set(REGISTRY_DUPLICATE.RESOLVED_BY, by)
                .set(REGISTRY_DUPLICATE.RESOLVED_AT, at)
                .set(REGISTRY_DUPLICATE.VERSION, REGISTRY_DUPLICATE.VERSION.plus(1))
                .where(REGISTRY_DUPLICATE.ID.eq(pair.id()), REGISTRY_DUPLICATE.VERSION.eq(pair.version()))
                .execute() == 1;
    }

    private static Pair pair(RegistryDuplicateRecord r) {
        return new Pair(r.getId(), r.getBeneficiaryId(), r.getOtherId(), r.getKabkotaCode(), r.getReason(), r.getVersion(),
                r.getStatus() == RegistryDuplicateStatus.OPEN);
    }
}
