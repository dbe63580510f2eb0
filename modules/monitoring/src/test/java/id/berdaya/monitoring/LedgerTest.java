package id.berdaya.monitoring;

import id.berdaya.core.RuleViolation;
import id.berdaya.core.security.BerdayaUser;
import id.berdaya.core.user.TestAccounts;
import id.berdaya.monitoring.ledger.Asset;
import id.berdaya.monitoring.ledger.AssetKind;
import id.berdaya.monitoring.ledger.AssetReport;
import id.berdaya.monitoring.ledger.LedgerService;
import id.berdaya.monitoring.ledger.Movement;
import id.berdaya.monitoring.ledger.MovementKind;
import id.berdaya.monitoring.visit.Visit;
import id.berdaya.monitoring.visit.VisitService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** The asset ledger: movements checked against the count before them, with a clear error naming the item and the numbers. */
@SpringBootTest(classes = MonitoringTestApplication.class)
class LedgerTest {

    static final String BNA = "33.04";

    @Autowired MonitoringFixture fixture;
    @Autowired VisitService visits;
    @Autowired LedgerService ledger;

    @AfterEach
    void logout() {
        TestAccounts.logout();
    }

    private static AssetReport goat(Asset a, int born, int sold, Long price, int died, String cause, Integer counted) {
        return new AssetReport(a.id(), born, sold, price, died, cause, 0, 0, 0, null, counted);
    }

    @Test
    void aVisitCannotSellMoreGoatsThanThereAreAndAContradictionIsAClearErrorWithNothingWritten() {
        MonitoringFixture.HandedOver h = fixture.handedOver(BNA, 1, LocalDate.now().minusDays(40)).getFirst();
        BerdayaUser officer = fixture.fieldOfficer(BNA, "dewi");
        TestAccounts.loginAs(officer);
        List<Visit> four = visits.ofBeneficiaries(List.of(h.beneficiaryId()));
        long caseId = four.getFirst().caseId();
        List<Asset> assets = ledger.assets(caseId);
        assertThat(assets).extracting(Asset::kind, Asset::handedQuantity, Asset::balance)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(AssetKind.LIVESTOCK, 1, 1),
                        org.assertj.core.groups.Tuple.tuple(AssetKind.GOODS, 4, 4));
        Asset goat = assets.get(0);
        Asset feed = assets.get(1);
        LocalDate today = visits.today();

        // first visit: two kids born, one goat sold for Rp 1.800.000; two counted
        visits.record(four.get(0).id(), MonitoringFixture.met(four.get(0), today, Visit.Business.RUNNING,
                List.of(goat(goat, 2, 1, 1_800_000L, 0, null, 2), AssetReport.none(feed.id()))));
        assertThat(ledger.assets(caseId).get(0).balance()).isEqualTo(2);

        // second visit: selling three of two is refused, naming the goat and both numbers, with the form's other problem
        Visit second = visits.get(four.get(1).id()).orElseThrow();
        var bad = new id.berdaya.monitoring.visit.VisitReport(today, true, null, null, null, null, null, null, null, null,
                java.util.Set.of(), null, null, null, null, List.of(goat(goat, 0, 3, 5_000_000L, 0, null, null)), List.of(),
                second.version());
        RuleViolation e = catchThrowableOfType(RuleViolation.class, () -> visits.record(second.id(), bad));
        assertThat(e.problems()).extracting(RuleViolation.Problem::key)
                .containsExactlyInAnyOrder("monitoring.visit.businessRequired", "monitoring.ledger.tooMany");
        RuleViolation.Problem tooMany = e.problems().stream().filter(p -> p.key().equals("monitoring.ledger.tooMany")).findFirst().orElseThrow();
        assertThat(tooMany.args()).containsExactly(goat.name(), 3, 2, "ekor");

        // a count that contradicts the ledger: 2 - 1 died = 1, but 2 counted
        RuleViolation mismatch = catchThrowableOfType(RuleViolation.class, () -> visits.record(second.id(),
                MonitoringFixture.met(second, today, Visit.Business.RUNNING, List.of(goat(goat, 0, 0, null, 1, "Kembung (uji)", 2)))));
        assertThat(mismatch.problems()).singleElement().satisfies(p -> {
            assertThat(p.key()).isEqualTo("monitoring.ledger.countMismatch");
            assertThat(p.args()).containsExactly(goat.name(), 2, 1, "ekor");
        });
        // goods take no births; a sale needs its price; a death its cause
        RuleViolation kinds = catchThrowableOfType(RuleViolation.class, () -> visits.record(second.id(),
                MonitoringFixture.met(second, today, Visit.Business.RUNNING, List.of(goat(goat, 0, 1, null, 1, null, null),
                        new AssetReport(feed.id(), 1, 0, null, 0, null, 0, 0, 0, null, null)))));
        assertThat(kinds.problems()).extracting(RuleViolation.Problem::key).containsExactlyInAnyOrder("monitoring.ledger.priceRequired",
                "monitoring.ledger.causeRequired", "monitoring.ledger.wrongKind");

        // nothing of the refused attempts was written
        assertThat(visits.get(second.id()).orElseThrow().done()).isFalse();
        assertThat(ledger.assets(caseId).get(0).balance()).isEqualTo(2);
        assertThat(ledger.history(List.of(caseId))).hasSize(4); // handed over (goat, feed), born, sold

        // the right report: one died
        visits.record(second.id(), MonitoringFixture.met(second, today, Visit.Business.PARTLY,
                List.of(goat(goat, 0, 0, null, 1, "Kembung (uji)", 1))));
        assertThat(ledger.assets(caseId).get(0).balance()).isEqualTo(1);

        // the goat's history read back: movements, not counts
        List<Movement> goatHistory = ledger.history(List.of(caseId)).stream().filter(m -> m.assetId() == goat.id()).toList();
        assertThat(goatHistory).extracting(Movement::kind, Movement::quantity, Movement::balanceAfter).containsExactly(
                org.assertj.core.groups.Tuple.tuple(MovementKind.HANDED_OVER, 1, 1),
                org.assertj.core.groups.Tuple.tuple(MovementKind.BORN, 2, 3),
                org.assertj.core.groups.Tuple.tuple(MovementKind.SOLD, 1, 2),
                org.assertj.core.groups.Tuple.tuple(MovementKind.DIED, 1, 1));
        assertThat(goatHistory.get(2).price()).isEqualTo(1_800_000L);
        assertThat(goatHistory.get(3).cause()).isEqualTo("Kembung (uji)");

        // a recorded visit is not recorded twice
        Visit done = visits.get(second.id()).orElseThrow();
        assertThatThrownBy(() -> visits.record(done.id(), MonitoringFixture.met(done, today, Visit.Business.RUNNING, List.of())))
                .isInstanceOf(RuleViolation.class);
    }
}
