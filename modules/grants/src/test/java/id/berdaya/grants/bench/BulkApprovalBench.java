package id.berdaya.grants.bench;

import id.berdaya.core.security.Role;
import id.berdaya.core.user.TestAccounts;
import id.berdaya.grants.GrantsFixture;
import id.berdaya.grants.GrantsTestApplication;
import id.berdaya.grants.approval.ApprovalService;
import id.berdaya.grants.approval.BulkOutcome;
import id.berdaya.grants.eligibility.EligibilityService;
import id.berdaya.grants.proposal.ItemLine;
import id.berdaya.grants.proposal.Proposal;
import id.berdaya.grants.proposal.ProposalService;
import id.berdaya.training.TrainingFixture;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Bulk approval of 100 proposals at the district step (each in a transaction of its own, with its
 * ceiling lock, budget check, price copy, history and audit). Not part of `verify`; run with
 * {@code ./mvnw -o -B -q -pl modules/grants -am test -Dbench.excludedGroups=none -Dgroups=bench -Dtest=BulkApprovalBench -Dsurefire.failIfNoSpecifiedTests=false}
 * and read {@code modules/grants/target/surefire-reports/id.berdaya.grants.bench.BulkApprovalBench-output.txt}.
 */
@Tag("bench")
@SpringBootTest(classes = GrantsTestApplication.class)
class BulkApprovalBench {

    static final int PROPOSALS = 100;
    static final String PBG = "33.03";

    @Autowired ApprovalService approvals;
    @Autowired ProposalService proposals;
    @Autowired EligibilityService eligibility;
    @Autowired GrantsFixture fixture;
    @Autowired TrainingFixture training;
    @Autowired TestAccounts accounts;
    @Autowired DataSource dataSource;

    @Test
    void approveOneHundredProposalsAtOnce() throws SQLException {
        GrantsFixture.Catalogue c = fixture.year(PBG, 1_000_000_000);
        List<Long> people = training.verifiedPeople(PBG, PROPOSALS);
        TestAccounts.loginAs(fixture.admin());
        for (long person : people) { // exempted from the training: the bench measures the approval, not the set-up
            eligibility.exempt(person, c.year(), "Pengecualian untuk pengukuran kinerja");
        }
        TestAccounts.loginAs(accounts.ensure("uji.bench.op.pbg", Role.DISTRICT_OPERATOR, PBG));
        List<Proposal> submitted = new ArrayList<>();
        for (long person : people) {
            Proposal d = proposals.create(GrantsFixture.proposal(person, c.year(),
                    List.of(new ItemLine(c.goat().id(), 1), new ItemLine(c.feed().id(), 2))));
            submitted.add(proposals.submit(d.id(), d.version()));
        }
        TestAccounts.loginAs(accounts.ensure("uji.bench.head.pbg", Role.DISTRICT_HEAD, PBG));
        long questions = questions();
        long start = System.nanoTime();
        List<BulkOutcome> outcomes = approvals.approveAll(submitted);
        long millis = (System.nanoTime() - start) / 1_000_000;
        long statements = questions() - questions - 1;
        TestAccounts.logout();
        assertThat(outcomes).hasSize(PROPOSALS).allMatch(BulkOutcome::approved);
        System.out.printf("BENCH bulk approval of %d proposals: %d ms (%.1f ms each), %d statements (%.1f per proposal)%n",
                PROPOSALS, millis, millis / (double) PROPOSALS, statements, statements / (double) PROPOSALS);
        assertThat(millis).as("bulk approval of 100 proposals, ms").isLessThanOrEqualTo(3000);
    }

    /** The server's count of statements received so far (every connection). */
    private long questions() throws SQLException {
        try (Connection con = dataSource.getConnection(); Statement st = con.createStatement();
             ResultSet rs = st.executeQuery("SHOW GLOBAL STATUS LIKE 'Questions'")) {
            rs.next();
            return rs.getLong(2);
        }
    }
}
