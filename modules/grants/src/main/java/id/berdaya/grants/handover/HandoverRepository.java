package id.berdaya.grants.handover;

import id.berdaya.core.scope.DistrictScope;
import id.berdaya.core.scope.DistrictScopedRepository;
import id.berdaya.core.scope.UnscopedReason;
import id.berdaya.db.tables.records.GrantsHandoverRecord;
import id.berdaya.grants.GrantsEntity;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import static id.berdaya.db.Tables.GRANTS_HANDOVER;
import static id.berdaya.db.Tables.GRANTS_HANDOVER_SCAN;

/** Handover records (BAST), district-scoped (the proposal's district); the public check reads one by its code. */
@Repository
class HandoverRepository extends DistrictScopedRepository<GrantsHandoverRecord> {

    HandoverRepository(DSLContext dsl, DistrictScope scope) {
        super(dsl, scope, GRANTS_HANDOVER, GRANTS_HANDOVER.KABKOTA_CODE, GRANTS_HANDOVER.ID, GrantsEntity.GRANTS_HANDOVER);
    }

    long insert(Handover h, int year, int seq) {
        GrantsHandoverRecord r = newRecord(h.kabkotaCode());
        r.setProposalId(h.proposalId());
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

    /** The visible handover of a proposal, without its goods. */
    Optional<Handover> ofProposal(long proposalId) {
        return selectVisible(GRANTS_HANDOVER.PROPOSAL_ID.eq(proposalId)).fetchOptional(HandoverRepository::toHandover);
    }

    /** Handovers within scope dated between {@code from} and {@code to} (inclusive), by date. */
    List<Handover> between(LocalDate from, LocalDate to, int limit) {
        var t = GRANTS_HANDOVER;
        return selectVisible(t.HANDED_ON.between(from, to)).orderBy(t.HANDED_ON, t.ID).limit(limit).fetch(HandoverRepository::toHandover);
    }

    /** The public check of a file: whether a signed scan of the handover with this code has this SHA-256. */
    boolean scanMatches(String code, String sha256) {
        var t = GRANTS_HANDOVER;
        var s = GRANTS_HANDOVER_SCAN;
        return unscoped(UnscopedReason.HANDOVER_CHECK).fetchExists(DSL.selectOne().from(s).join(t).on(t.ID.eq(s.HANDOVER_ID))
                .where(t.CODE.eq(code), s.SHA256.eq(sha256)));
    }

    /** The public check: a handover by its code, with only its number, date and kabupaten/kota. */
    Optional<HandoverCheck> check(String code) {
        var t = GRANTS_HANDOVER;
        return unscoped(UnscopedReason.HANDOVER_CHECK).select(t.NUMBER, t.HANDED_ON, t.ISSUER_NAME).from(t).where(t.CODE.eq(code))
                .fetchOptional(r -> new HandoverCheck(true, r.value1(), r.value2(), r.value3()));
    }

    private static Handover toHandover(GrantsHandoverRecord r) {
        return new Handover(r.getId(), r.getProposalId(), r.getKabkotaCode(), r.getIssuerName(), r.getNumber(), r.getCode(),
                r.getSeal(), r.getHandedOn(), r.getPlace(), r.getGiverName(), r.getGiverPosition(), r.getGiverOffice(),
                r.getReceiverName(), r.getWitnessName(), r.getWitnessPosition(), r.getRecordedBy(),
                r.getRecordedAt().toInstant(ZoneOffset.UTC), List.of());
    }
}
