package id.berdaya.grants.synthetic;

import id.berdaya.core.bench.BenchSql;
import id.berdaya.core.security.BerdayaUser;
import id.berdaya.core.security.Role;
import id.berdaya.core.user.TestAccounts;
import id.berdaya.grants.GrantsTestApplication;
import id.berdaya.grants.approval.ApprovalService;
import id.berdaya.grants.handover.Handover;
import id.berdaya.grants.handover.HandoverService;
import id.berdaya.grants.proposal.InboxFilter;
import id.berdaya.grants.proposal.Proposal;
import id.berdaya.grants.proposal.ProposalService;
import id.berdaya.grants.proposal.ProposalState;
import id.berdaya.registry.synthetic.SyntheticRegister;
import id.berdaya.training.synthetic.SyntheticTraining;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

import javax.sql.DataSource;
import java.sql.SQLException;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The grants data generator keeps the module's rules, on its own database: proposals only for
 * people who completed a training in their district, totals that are their goods, approvals within
 * each district's pagu, a handover exactly for those handed over (with a seal that verifies), a
 * history ending in the proposal's state, times in order and in the past, four eyes kept, every
 * state present; and the services read it as they read real work.
 */
@ActiveProfiles(SyntheticRegister.PROFILE)
@SpringBootTest(classes = GrantsTestApplication.class, properties = {
        "berdaya.embedded.data-dir=${user.dir}/target/mariadb-synthetic-grants-test/data",
        "berdaya.embedded.fresh=true",
        "berdaya.embedded.port=0"})
class SyntheticGrantsTest {

    @Autowired SyntheticRegister register;
    @Autowired SyntheticTraining training;
    @Autowired SyntheticGrants grants;
    @Autowired ApprovalService approvals;
    @Autowired ProposalService proposals;
    @Autowired HandoverService handovers;
    @Autowired TestAccounts accounts;
    @Autowired DataSource dataSource;

    @AfterEach
    void logout() {
        TestAccounts.logout();
    }

    @Test
    void generatesProposalsAndHandoversWithinTheRules() throws SQLException {
        register.generate(20_000, 11, SyntheticRegister.GENERATOR, 2, 0.005);
        training.generate(200, 10_000, 11);
        int completers = training.completers().size();
        SyntheticGrants.Result r = grants.generate(0.8, 100_000, 11);

        assertThat(r.proposals()).isPositive().isLessThanOrEqualTo((int) Math.round(0.8 * completers)).isGreaterThan(completers / 2);
        assertThat(count("SELECT COUNT(*) FROM grants_proposal")).isEqualTo(r.proposals());
        assertThat(count("SELECT COUNT(*) FROM grants_proposal_item")).isEqualTo(r.items());
        assertThat(count("SELECT COUNT(*) FROM grants_handover")).isEqualTo(r.handovers()).isPositive();
        assertThat(r.byState().keySet()).as("every state").containsExactlyInAnyOrder(ProposalState.values());
        assertThat(count("SELECT COUNT(*) FROM grants_proposal p WHERE NOT EXISTS (SELECT 1 FROM training_result t "
                + "WHERE t.beneficiary_id = p.beneficiary_id AND t.kabkota_code = p.kabkota_code AND t.result = 'COMPLETED' "
                + "AND t.completed_on < p.created_at)")).as("proposals of people without a completed training before them").isZero();
        assertThat(count("SELECT COUNT(*) FROM grants_proposal p JOIN registry_beneficiary b ON b.id = p.beneficiary_id "
                + "WHERE b.full_name <> p.beneficiary_name")).as("names not the register's").isZero();
        assertThat(count("SELECT COUNT(*) FROM grants_proposal p WHERE p.total > 5000000 OR p.total <> "
                + "(SELECT SUM(i.quantity * i.unit_price) FROM grants_proposal_item i WHERE i.proposal_id = p.id AND i.kabkota_code = p.kabkota_code)"))
                .as("totals that are not their goods, or above the maximum per person").isZero();
        assertThat(count("SELECT COUNT(*) FROM (SELECT kabkota_code, budget_year, SUM(total) s FROM grants_proposal "
                + "WHERE state IN ('DISTRICT_APPROVED', 'PROVINCE_APPROVED', 'HANDED_OVER') GROUP BY kabkota_code, budget_year) a "
                + "LEFT JOIN grants_ceiling c ON c.kabkota_code = a.kabkota_code AND c.budget_year = a.budget_year "
                + "WHERE c.pagu IS NULL OR a.s > c.pagu")).as("districts above their pagu").isZero();
        assertThat(count("SELECT COUNT(*) FROM grants_proposal p LEFT JOIN grants_handover h ON h.proposal_id = p.id "
                + "WHERE (p.state = 'HANDED_OVER') <> (h.id IS NOT NULL) OR h.kabkota_code <> p.kabkota_code "
                + "OR h.receiver_name <> p.beneficiary_name OR DATE(p.handed_over_at) <> h.handed_on"))
                .as("handovers that do not match their proposal's state").isZero();
        assertThat(count("SELECT COUNT(*) FROM grants_proposal WHERE (state IN ('SUBMITTED', 'DISTRICT_APPROVED')) <> "
                + "(waiting_since IS NOT NULL) OR waiting_since > UTC_TIMESTAMP()")).as("waiting since, only when waiting, never ahead").isZero();
        assertThat(count("SELECT COUNT(*) FROM grants_proposal WHERE submitted_at < created_at OR district_decided_at < submitted_at "
                + "OR province_decided_at < district_decided_at OR handed_over_at < province_decided_at OR updated_at > UTC_TIMESTAMP() "
                + "OR YEAR(created_at) <> budget_year")).as("steps out of order, in the future or outside the budget year").isZero();
        assertThat(count("SELECT COUNT(*) FROM grants_proposal WHERE submitted_by = district_decided_by "
                + "OR district_decided_by = province_decided_by")).as("four eyes").isZero();
        assertThat(count("SELECT COUNT(*) FROM grants_proposal p JOIN grants_proposal_history h ON h.id = "
                + "(SELECT MAX(x.id) FROM grants_proposal_history x WHERE x.proposal_id = p.id) WHERE h.to_state <> p.state"))
                .as("histories that do not end in the proposal's state").isZero();
        assertThat(count("SELECT COUNT(*) FROM grants_handover_number n WHERE n.last_seq <> (SELECT MAX(h.seq) FROM grants_handover h "
                + "WHERE h.kabkota_code = n.kabkota_code AND h.year = n.year)")).as("BAST counters behind their numbers").isZero();
        assertThat(count("SELECT COUNT(DISTINCT FLOOR(DATEDIFF(UTC_TIMESTAMP(), waiting_since) / 7)) FROM grants_proposal "
                + "WHERE waiting_since IS NOT NULL")).as("waiting spread over several weeks").isGreaterThanOrEqualTo(5);

        assertThatThrownBy(() -> grants.generate(0.1, 10, 12)).as("a second run on top could propose twice for one person")
                .isInstanceOf(IllegalStateException.class);

        TestAccounts.loginAs(accounts.ensure("uji.sintetis.verifikator", Role.PROVINCE_OFFICER, null));
        List<Proposal> inbox = approvals.inbox(InboxFilter.ALL);
        assertThat(inbox).isNotEmpty().allMatch(p -> p.state() == ProposalState.DISTRICT_APPROVED);
        long handed = count("SELECT MIN(id) FROM grants_handover");
        Handover h = handovers.get(handed).orElseThrow();
        assertThat(h.seal()).isEqualTo(h.computeSeal());
        assertThat(handovers.pdf(handed)).isNotEmpty();

        String district = BenchSql.string(dataSource, "SELECT kabkota_code FROM grants_proposal WHERE state = 'SUBMITTED' GROUP BY kabkota_code "
                + "ORDER BY COUNT(*) DESC LIMIT 1");
        BerdayaUser head = accounts.ensure("uji.sintetis.kadinsos", Role.DISTRICT_HEAD, district);
        TestAccounts.loginAs(head);
        List<Proposal> waiting = approvals.inbox(InboxFilter.ALL);
        assertThat(waiting).isNotEmpty().allMatch(p -> p.kabkotaCode().equals(district) && p.state() == ProposalState.SUBMITTED);
        Proposal oldest = waiting.getFirst();
        assertThat(proposals.approve(oldest.id(), oldest.version()).state()).as("the pagu leaves room for the waiting ones")
                .isEqualTo(ProposalState.DISTRICT_APPROVED);
    }

    private long count(String sql) throws SQLException {
        return (long) BenchSql.number(dataSource, sql);
    }
}
