package id.berdaya.grants.demo;

import id.berdaya.core.scope.DistrictScope;
import id.berdaya.core.scope.DistrictScopedRepository;
import id.berdaya.db.tables.records.GrantsProposalRecord;
import id.berdaya.grants.GrantsEntity;
import id.berdaya.grants.proposal.ProposalState;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Repository;

import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.Map;

import static id.berdaya.db.Tables.GRANTS_PROPOSAL;
import static id.berdaya.db.Tables.GRANTS_PROPOSAL_HISTORY;

/**
 * Moves the times of a freshly seeded demo proposal into the past (its history and the who-and-when
 * columns that follow from it), so that the demo's inbox shows waiting times of days and weeks
 * rather than "0 hari". Only under the {@code demo} profile, within the acting user's scope.
 */
@Repository
@Profile("demo")
class DemoTimesRepository extends DistrictScopedRepository<GrantsProposalRecord> {

    /** A history entry of a proposal, by its transition (each occurs once in a demo proposal), and its new time. */
    record Moved(ProposalState from, ProposalState to, LocalDateTime at) {
    }

    DemoTimesRepository(DSLContext dsl, DistrictScope scope) {
        super(dsl, scope, GRANTS_PROPOSAL, GRANTS_PROPOSAL.KABKOTA_CODE, GRANTS_PROPOSAL.ID, GrantsEntity.GRANTS_PROPOSAL);
    }

    /**
     * Sets the time of each given history entry, and the proposal's columns from them: created,
     * the last submission, the district's and the province's decision, the waiting time of a
     * proposal at a review step, and the last change. Entries not given keep their time.
     */
    void backdate(String kabkota, long proposalId, java.util.List<Moved> entries) {
        var h = GRANTS_PROPOSAL_HISTORY;
        var p = GRANTS_PROPOSAL;
        DSLContext dsl = writing(kabkota);
        Map<Field<LocalDateTime>, LocalDateTime> columns = new LinkedHashMap<>();
        for (Moved m : entries) {
            dsl.update(h).set(h.AT, m.at()).where(h.PROPOSAL_ID.eq(proposalId), h.KABKOTA_CODE.eq(kabkota), h.TO_STATE.eq(m.to().name()),
                    m.from() == null ? h.FROM_STATE.isNull() : h.FROM_STATE.eq(m.from().name())).execute();
            if (m.from() == null) {
                columns.put(p.CREATED_AT, m.at());
            } else if (m.to() == ProposalState.SUBMITTED) {
                columns.put(p.SUBMITTED_AT, m.at());
            } else if (m.from() == ProposalState.SUBMITTED && m.to() != ProposalState.DRAFT && m.to() != ProposalState.WITHDRAWN) {
                columns.put(p.DISTRICT_DECIDED_AT, m.at());
            } else if (m.from() == ProposalState.DISTRICT_APPROVED) {
                columns.put(p.PROVINCE_DECIDED_AT, m.at());
            }
            columns.put(p.UPDATED_AT, m.at());
        }
        LocalDateTime last = columns.get(p.UPDATED_AT);
        var update = dsl.update(p).set(p.WAITING_SINCE, org.jooq.impl.DSL.when(p.WAITING_SINCE.isNotNull(), last).otherwise(p.WAITING_SINCE));
        for (Map.Entry<Field<LocalDateTime>, LocalDateTime> c : columns.entrySet()) {
            update = update.set(c.getKey(), c.getValue());
        }
        update.where(p.ID.eq(proposalId), p.KABKOTA_CODE.eq(kabkota)).execute();
    }
}
