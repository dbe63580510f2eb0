package id.berdaya.grants.handover;

import id.berdaya.core.scope.DistrictScope;
import id.berdaya.core.scope.DistrictScopedRepository;
import id.berdaya.core.scope.UnscopedReason;
import id.berdaya.db.tables.records.GrantsHandoverRecord;
import id.berdaya.grants.GrantsEntity;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import static id.berdaya.db.Tables.GRANTS_HANDOVER;
import static id.berdaya.db.Tables.GRANTS_HANDOVER_SCAN;

/** Handover records (BAST), district-scoped (the proposal's district); the public check reads one by its code. A voided record stays, its number is not reused. */
@Repository
class HandoverRepository extends DistrictScopedRepository<GrantsHandoverRecord> {

    HandoverRepository(DSLContext dsl, DistrictScope scope) {
        super(dsl, scope, GRANTS_HANDOVER, GRANTS_HANDOVER.KABKOTA_CODE, GRANTS_HANDOVER.ID, GrantsEntity.GRANTS_HANDOVER);
    }

    long insert(Handover h, int year, int seq) {
        GrantsHandoverRecord r = newRecord(h.kabkotaCode());
        r.setProposalId(h.proposalId());
        r.setGroupId(h.groupId());
        if (h.position() != null) {
            r.setLatitude(h.position().latitude());
            r.setLongitude(h.position().longitude());
        }
        r.setYear((short) year);
        r.setSeq(seq);
        r.setNumber(h.number());
        r.setCode(h.code());
        r.setSeal(h.seal());
        r.setHandedOn(h.handedOn());
        r.setPlace(h.place());
        r.setGiverName(h.giverName());
        r.setGiverPosition(h.giverPosition());
        r.setGiverOffice(h.giverOffice());
        r.setReceiverName(h.receiverName());
        r.setWitnessName(h.witnessName());
        r.setWitnessPosition(h.witnessPosition());
        r.setIssuerName(h.issuerName());
        r.setRecordedBy(h.recordedBy());
        r.setRecordedAt(LocalDateTime.ofInstant(h.recordedAt(), ZoneOffset.UTC));
        r.store();
        return r.getId();
    }

    /** A visible handover, without its goods. */
    Optional<Handover> find(long id) {
        return findVisible(id).map(HandoverRepository::toHandover);
    }

    /** The visible handover of a proposal that is not voided, without its goods. */
    Optional<Handover> ofProposal(long proposalId) {
        return selectVisible(GRANTS_HANDOVER.ACTIVE_PROPOSAL_ID.eq(proposalId)).fetchOptional(HandoverRepository::toHandover);
    }

    /** The visible voided handovers of a proposal, oldest first, without their goods. */
    List<Handover> voidedOfProposal(long proposalId) {
        var t = GRANTS_HANDOVER;
        return selectVisible(t.PROPOSAL_ID.eq(proposalId).and(t.VOIDED_AT.isNotNull())).orderBy(t.ID).fetch(HandoverRepository::toHandover);
    }

    /** Handovers within scope (not voided) dated between {@code from} and {@code to} (inclusive), by date. */
    List<Handover> between(LocalDate from, LocalDate to, int limit) {
        var t = GRANTS_HANDOVER;
        return selectVisible(t.HANDED_ON.between(from, to).and(t.VOIDED_AT.isNull())).orderBy(t.HANDED_ON, t.ID).limit(limit)
                .fetch(HandoverRepository::toHandover);
    }

    /** Voids a record not yet voided; false when it already was (or is not writable). */
    boolean markVoided(Handover h, String by, Instant at, String reason) {
        var t = GRANTS_HANDOVER;
        return writing(h.kabkotaCode()).update(t).set(t.VOIDED_AT, LocalDateTime.ofInstant(at, ZoneOffset.UTC)).set(t.VOIDED_BY, by)
                .set(t.VOID_REASON, reason).set(t.VERSION, t.VERSION.plus(1))
                .where(t.ID.eq(h.id()), t.VOIDED_AT.isNull()).execute() == 1;
    }

    /** The public check of a file: whether a signed scan of the handover with this code has this SHA-256. */
    boolean scanMatches(String code, String sha256) {
        var t = GRANTS_HANDOVER;
        var s = GRANTS_HANDOVER_SCAN;
        return unscoped(UnscopedReason.HANDOVER_CHECK).fetchExists(DSL.selectOne().from(s).join(t).on(t.ID.eq(s.HANDOVER_ID))
                .where(t.CODE.eq(code), s.SHA256.eq(sha256)));
    }

    /** The public check: a handover by its code, with only its number, date, kabupaten/kota and whether it was voided. */
    Optional<HandoverCheck> check(String code) {
        var t = GRANTS_HANDOVER;
        return unscoped(UnscopedReason.HANDOVER_CHECK).select(t.NUMBER, t.HANDED_ON, t.ISSUER_NAME, t.VOIDED_AT).from(t)
                .where(t.CODE.eq(code))
                .fetchOptional(r -> new HandoverCheck(r.value4() == null, r.value4() != null, r.value1(), r.value2(), r.value3()));
    }

    private static Handover toHandover(GrantsHandoverRecord r) {
        return new Handover(r.getId(), r.getProposalId(), r.getGroupId(), r.getKabkotaCode(), r.getIssuerName(), r.getNumber(),
                r.getCode(), r.getSeal(), r.getHandedOn(), r.getPlace(), r.getGiverName(), r.getGiverPosition(), r.getGiverOffice(),
                r.getReceiverName(), r.getWitnessName(), r.getWitnessPosition(),
                r.getLatitude() == null ? null : new Handover.Position(r.getLatitude(), r.getLongitude()), r.getRecordedBy(),
                r.getRecordedAt().toInstant(ZoneOffset.UTC), r.getVoidedAt() == null ? null
                : new Handover.Voided(r.getVoidedAt().toInstant(ZoneOffset.UTC), r.getVoidedBy(), r.getVoidReason()),
                List.of(), List.of());
    }
}
