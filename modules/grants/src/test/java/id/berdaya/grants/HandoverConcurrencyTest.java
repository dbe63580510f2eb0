package id.berdaya.grants;

import id.berdaya.core.security.BerdayaUser;
import id.berdaya.core.security.Role;
import id.berdaya.core.user.TestAccounts;
import id.berdaya.grants.handover.Handover;
import id.berdaya.grants.handover.HandoverService;
import id.berdaya.grants.handover.NewHandover;
import id.berdaya.grants.proposal.ItemLine;
import id.berdaya.grants.proposal.Proposal;
import id.berdaya.grants.proposal.ProposalService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/** Handovers of one district recorded at the same moment (a latch), each on a thread and transaction of its own, in a year without a number yet. */
@SpringBootTest(classes = GrantsTestApplication.class)
class HandoverConcurrencyTest {

    static final String PBG = "33.03";
    static final int THREADS = 8;

    @Autowired HandoverService handovers;
    @Autowired ProposalService proposals;
    @Autowired GrantsFixture fixture;
    @Autowired TestAccounts accounts;

    @AfterEach
    void logout() {
        TestAccounts.logout();
    }

    @Test
    void eightHandoversRecordedAtOnceAllSucceedWithNumbersOneToEight() throws Exception {
        GrantsFixture.Catalogue c = fixture.year(PBG, 1_000_000_000);
        List<Long> people = fixture.trainedPeople(PBG, THREADS);
        BerdayaUser head = accounts.ensure("uji.hibah.head.pbg", Role.DISTRICT_HEAD, PBG);
        BerdayaUser officer = accounts.ensure("uji.hibah.verif", Role.PROVINCE_OFFICER, null);
        List<BerdayaUser> operators = new ArrayList<>();
        List<Proposal> approved = new ArrayList<>();
        for (int i = 0; i < THREADS; i++) {
            operators.add(accounts.ensure("uji.hibah.op.pbg." + i, Role.DISTRICT_OPERATOR, PBG));
            TestAccounts.loginAs(operators.get(i));
            Proposal p = proposals.create(GrantsFixture.proposal(people.get(i), c.year(), List.of(new ItemLine(c.goat().id(), 1))));
            p = proposals.submit(p.id(), p.version());
            TestAccounts.loginAs(head);
            p = proposals.approve(p.id(), p.version());
            TestAccounts.loginAs(officer);
            approved.add(proposals.approve(p.id(), p.version()));
        }
        TestAccounts.logout();

        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            CountDownLatch ready = new CountDownLatch(THREADS);
            CountDownLatch go = new CountDownLatch(1);
            List<Future<Handover>> futures = new ArrayList<>();
            for (int i = 0; i < THREADS; i++) {
                BerdayaUser who = operators.get(i);
                Proposal p = approved.get(i);
                futures.add(pool.submit(() -> {
                    TestAccounts.loginAs(who);
                    ready.countDown();
                    go.await();
                    try {
                        return handovers.record(new NewHandover(p.id(), p.version(), LocalDate.of(c.year(), 5, 2), "Balai Desa Uji",
                                "Budi Penyerah Uji", "Kepala Seksi", "Dinas Sosial Kabupaten Purbalingga", "Siti Saksi Uji",
                                "Kepala Desa Uji", List.of(new NewHandover.Line(c.goat().id(), 1, null)), null,
                                GrantsFixture.photos(1), false));
                    } finally {
                        TestAccounts.logout();
                    }
                }));
            }
            ready.await(30, TimeUnit.SECONDS);
            go.countDown();
            List<String> numbers = new ArrayList<>();
            for (Future<Handover> f : futures) {
                numbers.add(f.get(120, TimeUnit.SECONDS).number());
            }
            assertThat(numbers).containsExactlyInAnyOrderElementsOf(IntStream.rangeClosed(1, THREADS)
                    .mapToObj(n -> "%03d/BAST-STIM/3303/%d".formatted(n, c.year())).toList());
        } finally {
            pool.shutdownNow();
        }
    }
}
