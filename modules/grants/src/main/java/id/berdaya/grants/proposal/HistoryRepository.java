package id.berdaya.grants.proposal;

import id.berdaya.core.scope.DistrictScope;
import id.berdaya.core.scope.DistrictScopedRepository;
import id.berdaya.db.tables.records.GrantsProposalHistoryRecord;
import id.berdaya.grants.GrantsEntity;
import org.jooq.DSLContext;
import org.springframework.stereotype.Repository;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import static id.berdaya.db.Tables.GRANTS_PROPOSAL_HISTORY;

/** The transitions of proposals (append-only), district-scoped (the proposal's district). */
@Repository
class HistoryRepository extends DistrictScopedRepository<GrantsProposalHistoryRecord> {

    HistoryRepository(DSLContext dsl, DistrictScope scope) {
        super(dsl, scope, GRANTS_PROPOSAL_HISTORY, GRANTS_PROPOSAL_HISTORY.KABKOTA_CODE, GRANTS_PROPOSAL_HISTORY.ID,
                GrantsEntity.GRANTS_PROPOSAL_HISTORY);
    }

    void add(Proposal p, ProposalState from, ProposalState to, String actor, String actorName, LocalDateTime at, String reason) {
        GrantsProposalHistoryRecord r = newRecord(p.kabkotaCode());
        r.setProposalId(p.id());
        r.setFromState(from == null ? null : from.name());
        r.setToState(to.name());
        r.setActor(actor);
        r.setActorName(actorName);
        r.setAt(at);
        r.setReason(reason);
        r.store();
    }

    List<HistoryEntry> ofProposal(long proposalId) {
        var t = GRANTS_PROPOSAL_HISTORY;
        return selectVisible(t.PROPOSAL_ID.eq(proposalId)).orderBy(t.ID).fetch(HistoryRepository::toEntry);
    }

    Optional<HistoryEntry> last(long proposalId) {
        var t = GRANTS_PROPOSAL_HISTORY;
        return selectVisible(t.PROPOSAL_ID.eq(proposalId)).orderBy(t.ID.desc()).limit(1).fetchOptional(HistoryRepository::toEntry);
    }

    private static HistoryEntry toEntry(GrantsProposalHistoryRecord r) {
        return new HistoryEntry(r.getFromState() == null ? null : ProposalState.valueOf(r.getFromState()),
                ProposalState.valueOf(r.getToState()), r.getActor(), r.getActorName(), r.getAt().toInstant(ZoneOffset.UTC),
                r.getReason());
    }
}
