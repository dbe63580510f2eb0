package id.berdaya.grants;

import id.berdaya.core.format.IndonesianFormat;
import id.berdaya.core.security.Role;
import id.berdaya.core.user.TestAccounts;
import id.berdaya.grants.budget.BudgetService;
import id.berdaya.grants.catalogue.CatalogueService;
import id.berdaya.grants.proposal.HistoryEntry;
import id.berdaya.grants.proposal.Proposal;
import id.berdaya.grants.proposal.ProposalFilter;
import id.berdaya.grants.proposal.ProposalService;
import id.berdaya.grants.proposal.ProposalState;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The demo profile's grants picture, seeded through the services on start. */
@SpringBootTest(classes = GrantsTestApplication.class)
@ActiveProfiles("demo")
class DemoGrantsTest {

    @Autowired ProposalService proposals;
    @Autowired CatalogueService catalogue;
    @Autowired BudgetService budget;
    @Autowired TestAccounts accounts;

    @AfterEach
    void logout() {
        TestAccounts.logout();
    }

    /**
     * The inbox shows how long each proposal has waited: the demo's are spread over days and weeks
     * (none "0 hari"), oldest first, and each history runs forward in time and ends at the
     * proposal's waiting time and its last submission.
     */
    @Test
    void theDemoInboxShowsWaitingTimesOfDaysAndWeeks() {
        Instant now = Instant.now();
        for (String kabkota : List.of("33.03", "33.26")) {
            TestAccounts.loginAs(accounts.ensure("uji.demo.hibah.head." + kabkota, Role.DISTRICT_HEAD, kabkota));
            List<Proposal> waiting = proposals.waiting(null, 500).stream().filter(DemoGrantsTest::seeded).toList();
            List<Long> days = waiting.stream().map(p -> Duration.between(p.waitingSince(), now).toDays()).toList();
            assertThat(days).as("days waiting in " + kabkota).hasSizeGreaterThanOrEqualTo(4).doesNotContain(0L);
            assertThat(new HashSet<>(days)).hasSizeGreaterThanOrEqualTo(4);
            assertThat(Collections.max(days)).isGreaterThanOrEqualTo(14);
            assertThat(waiting).isSortedAccordingTo(Comparator.comparing(Proposal::waitingSince));
            for (Proposal p : proposals.list(new ProposalFilter(kabkota, LocalDate.now(IndonesianFormat.WIB).getYear(), null, null))
                    .stream().filter(DemoGrantsTest::seeded).toList()) {
                List<HistoryEntry> history = proposals.history(p.id());
                assertThat(history).extracting(HistoryEntry::at).isSorted().allMatch(t -> !t.isAfter(now));
                if (p.waitingSince() != null) {
                    assertThat(p.waitingSince()).isEqualTo(history.getLast().at());
                }
                if (p.submittedAt() != null) {
                    assertThat(p.submittedAt()).isEqualTo(history.stream().filter(h -> h.to() == ProposalState.SUBMITTED)
                            .reduce((a, b) -> b).orElseThrow().at());
                }
            }
        }
        TestAccounts.loginAs(accounts.ensure("uji.demo.hibah.verif", Role.PROVINCE_OFFICER, null));
        assertThat(proposals.waiting(null, 500).stream().filter(DemoGrantsTest::seeded))
                .isNotEmpty().allMatch(p -> Duration.between(p.waitingSince(), now).toDays() >= 1);
    }

    /** Whether the demo seeding made it (other tests of this JVM add proposals of their own). */
    private static boolean seeded(Proposal p) {
        return p.createdBy().startsWith("operator.");
    }

    @Test
    void theHeadsOfPurbalinggaAndPekalonganFindAFullInboxAndTheProvinceAStepWaiting() {
        int year = LocalDate.now(IndonesianFormat.WIB).getYear();
        TestAccounts.loginAs(accounts.ensure("uji.demo.hibah.admin", Role.PROVINCE_ADMIN, null));
        assertThat(catalogue.list(year, true)).hasSizeGreaterThanOrEqualTo(10);
        assertThat(budget.ceilings(year)).hasSize(35);
        for (String kabkota : List.of("33.03", "33.26")) {
            TestAccounts.loginAs(accounts.ensure("uji.demo.hibah.head." + kabkota, Role.DISTRICT_HEAD, kabkota));
            List<Proposal> all = proposals.list(new ProposalFilter(kabkota, year, null, null));
            assertThat(all).extracting(Proposal::state).contains(ProposalState.DRAFT, ProposalState.SUBMITTED,
                    ProposalState.DISTRICT_APPROVED, ProposalState.PROVINCE_APPROVED, ProposalState.HANDED_OVER, ProposalState.REJECTED);
            assertThat(all).anyMatch(p -> p.state() == ProposalState.DRAFT && p.returns() == 1);
            assertThat(all).allMatch(p -> p.total() <= BudgetService.DEFAULT_PER_PERSON_MAX);
            assertThat(proposals.waiting(null, 500)).hasSizeGreaterThanOrEqualTo(4);
        }
        TestAccounts.loginAs(accounts.ensure("uji.demo.hibah.verif", Role.PROVINCE_OFFICER, null));
        assertThat(proposals.waiting(null, 500)).extracting(Proposal::kabkotaCode).contains("33.03", "33.26");
    }
}
