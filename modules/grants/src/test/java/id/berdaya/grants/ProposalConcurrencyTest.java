package id.berdaya.grants;

import id.berdaya.core.RuleViolation;
import id.berdaya.core.audit.AuditEntry;
import id.berdaya.core.audit.AuditService;
import id.berdaya.core.security.BerdayaUser;
import id.berdaya.core.security.Role;
import id.berdaya.core.user.TestAccounts;
import id.berdaya.grants.proposal.HistoryEntry;
import id.berdaya.grants.proposal.ItemLine;
import id.berdaya.grants.proposal.Proposal;
import id.berdaya.grants.proposal.ProposalFilter;
import id.berdaya.grants.proposal.ProposalService;
import id.berdaya.grants.proposal.ProposalState;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Decisions under concurrency, on the real database: 20 reviewers start at the same moment
 * (a latch), each on a thread of its own with its own transaction.
 */
@SpringBootTest(classes = GrantsTestApplication.class)
class ProposalConcurrencyTest {

    static final String PBG = "33.03";
    static final int THREADS = 20;

    @Autowired ProposalService proposals;
    @Autowired AuditService audit;
    @Autowired GrantsFixture fixture;
    @Autowired TestAccounts accounts;

    @AfterEach
    void logout() {
        TestAccounts.logout();
    }

    /** What one reviewer's call ended with: the proposal, or the refusal's key and arguments. */
    record Outcome(Proposal won, String key, List<Object> args) {
    }

    /** Runs the calls at once (released together by a latch), each as its reviewer, and collects the outcomes. */
    private static List<Outcome> atOnce(List<BerdayaUser> reviewers, List<Callable<Proposal>> calls) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(calls.size());
        try {
            CountDownLatch ready = new CountDownLatch(calls.size());
            CountDownLatch go = new CountDownLatch(1);
            List<Future<Outcome>> futures = new ArrayList<>();
            for (int i = 0; i < calls.size(); i++) {
                BerdayaUser who = reviewers.get(i);
                Callable<Proposal> call = calls.get(i);
                futures.add(pool.submit(() -> {
                    TestAccounts.loginAs(who);
                    ready.countDown();
                    go.await();
                    try {
                        return new Outcome(call.call(), null, List.of());
                    } catch (RuleViolation v) {
                        return new Outcome(null, v.problems().getFirst().key(), v.problems().getFirst().args());
                    } finally {
                        TestAccounts.logout();
                    }
                }));
            }
            ready.await(30, TimeUnit.SECONDS);
            go.countDown();
            List<Outcome> outcomes = new ArrayList<>();
            for (Future<Outcome> f : futures) {
                outcomes.add(f.get(120, TimeUnit.SECONDS));
            }
            return outcomes;
        } finally {
            pool.shutdownNow();
        }
    }

    private List<BerdayaUser> heads() {
        List<BerdayaUser> heads = new ArrayList<>();
        for (int i = 0; i < THREADS; i++) {
            heads.add(accounts.ensure("uji.hibah.kadin.pbg." + i, Role.DISTRICT_HEAD, PBG));
        }
        return heads;
    }

    @Test
    void ofTwentyReviewersDecidingOneProposalAtOnceExactlyOneWinsAndTheOthersAreToldWho() throws Exception {
        GrantsFixture.Catalogue c = fixture.year(PBG, 1_000_000_000);
        long person = fixture.trainedPeople(PBG, 1).getFirst();
        TestAccounts.loginAs(accounts.ensure("uji.hibah.op.pbg", Role.DISTRICT_OPERATOR, PBG));
        Proposal draft = proposals.create(GrantsFixture.proposal(person, c.year(), List.of(new ItemLine(c.goat().id(), 1))));
        Proposal sub = proposals.submit(draft.id(), draft.version());
        TestAccounts.logout();

        List<BerdayaUser> heads = heads();
        List<Callable<Proposal>> calls = new ArrayList<>();
        for (int i = 0; i < THREADS; i++) { // most approve, some return or reject: one decision wins
            int n = i;
            calls.add(() -> switch (n % 5) {
                case 3 -> proposals.returnForRevision(sub.id(), "Perbaiki rencana usaha " + n, sub.version());
                case 4 -> proposals.reject(sub.id(), "Tidak memenuhi syarat " + n, sub.version());
                default -> proposals.approve(sub.id(), sub.version());
            });
        }
        List<Outcome> outcomes = atOnce(heads, calls);

        List<Outcome> winners = outcomes.stream().filter(o -> o.won() != null).toList();
        assertThat(winners).hasSize(1);
        Proposal won = winners.getFirst().won();
        String winnerName = heads.get(outcomes.indexOf(winners.getFirst())).fullName();
        assertThat(outcomes).filteredOn(o -> o.won() == null).hasSize(THREADS - 1).allSatisfy(o -> {
            assertThat(o.key()).isEqualTo("grants.proposal.alreadyDecided");
            assertThat(o.args()).containsExactly(winnerName);
        });

        TestAccounts.loginAs(heads.getFirst());
        Proposal now = proposals.get(sub.id()).orElseThrow();
        assertThat(now.state()).isEqualTo(won.state()).isNotEqualTo(ProposalState.SUBMITTED);
        assertThat(now.version()).isEqualTo(sub.version() + 1);
        List<HistoryEntry> history = proposals.history(sub.id());
        assertThat(history).hasSize(3); // created, submitted, one decision
        assertThat(history.getLast().actorName()).isEqualTo(winnerName);
        assertThat(audit.history(GrantsEntity.GRANTS_PROPOSAL.code(), String.valueOf(sub.id()), 50)).extracting(AuditEntry::action)
                .filteredOn(a -> !a.equals("GRANTS_PROPOSAL_CREATED") && !a.equals("GRANTS_PROPOSAL_SUBMITTED")).hasSize(1);
    }

    @Test
    void twentyProposalsApprovedAtOnceNeverTakeTheDistrictAboveItsPagu() throws Exception {
        // each proposal Rp 2.500.000; the pagu Rp 21.000.000 holds eight of the twenty, leaving Rp 1.000.000
        GrantsFixture.Catalogue c = fixture.year(PBG, 21_000_000);
        List<Long> people = fixture.trainedPeople(PBG, THREADS);
        TestAccounts.loginAs(accounts.ensure("uji.hibah.op.pbg", Role.DISTRICT_OPERATOR, PBG));
        List<Proposal> submitted = new ArrayList<>();
        for (long person : people) {
            Proposal d = proposals.create(GrantsFixture.proposal(person, c.year(), List.of(new ItemLine(c.goat().id(), 1))));
            submitted.add(proposals.submit(d.id(), d.version()));
        }
        TestAccounts.logout();

        List<Callable<Proposal>> calls = submitted.stream()
                .<Callable<Proposal>>map(p -> () -> proposals.approve(p.id(), p.version())).toList();
        List<Outcome> outcomes = atOnce(heads(), calls);

        assertThat(outcomes).filteredOn(o -> o.won() != null).hasSize(8);
        assertThat(outcomes).filteredOn(o -> o.won() == null).hasSize(12).allSatisfy(o -> {
            assertThat(o.key()).isEqualTo("grants.budget.paguExceeded");
            assertThat(o.args()).containsExactly("Rp 2.500.000", "Rp 1.000.000");
        });
        TestAccounts.loginAs(heads().getFirst());
        long approvedTotal = proposals.list(new ProposalFilter(PBG, c.year(), ProposalState.DISTRICT_APPROVED, null)).stream()
                .mapToLong(Proposal::total).sum();
        assertThat(approvedTotal).isEqualTo(20_000_000).isLessThanOrEqualTo(21_000_000);
    }
}
