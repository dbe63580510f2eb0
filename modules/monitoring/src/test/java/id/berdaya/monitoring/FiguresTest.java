package id.berdaya.monitoring;

import id.berdaya.core.figures.Figure;
import id.berdaya.core.user.TestAccounts;
import id.berdaya.monitoring.figures.MonitoringFigures;
import id.berdaya.monitoring.reintegration.FlagKind;
import id.berdaya.monitoring.trend.TrendService;
import id.berdaya.monitoring.trend.VisitFigures;
import id.berdaya.monitoring.visit.Visit;
import id.berdaya.monitoring.visit.VisitReport;
import id.berdaya.monitoring.visit.VisitService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** Monitoring's FigureSource against a hand-counted district (only this test uses Klaten). */
@SpringBootTest(classes = MonitoringTestApplication.class)
class FiguresTest {

    static final String KLT = "33.10";
    static final String OTHER = "33.26";

    @Autowired MonitoringFixture fixture;
    @Autowired VisitService visits;
    @Autowired MonitoringFigures figures;
    @Autowired TrendService trend;

    @AfterEach
    void logout() {
        TestAccounts.logout();
    }

    private Visit visit(long person, int offset) {
        return visits.ofBeneficiaries(List.of(person)).stream().filter(v -> v.monthOffset() == offset).findFirst().orElseThrow();
    }

    private void met(long person, int offset, Visit.Business business, Set<FlagKind> flags) {
        Visit v = visit(person, offset);
        VisitReport r = MonitoringFixture.met(v, visits.today(), business, List.of());
        visits.record(v.id(), new VisitReport(r.visitedOn(), true, null, business, r.businessReason(), r.turnover(), r.profit(),
                null, null, null, flags, flags.isEmpty() ? null : "Catatan tanda risiko (uji)", null, null, null, List.of(),
                List.of(), r.version()));
    }

    @Test
    void theFiguresMatchAHandCountedDistrict() {
        LocalDate now = LocalDate.now();
        // four people handed over 40 days ago (first visit 10 days late), one a month less three days ago (first visit due in 3 days)
        List<MonitoringFixture.HandedOver> four = fixture.handedOver(KLT, 4, now.minusDays(40));
        long p5 = fixture.handedOver(KLT, 1, now.minusMonths(1).plusDays(3)).getFirst().beneficiaryId();
        long p1 = four.get(0).beneficiaryId();
        long p2 = four.get(1).beneficiaryId();
        long p3 = four.get(2).beneficiaryId();
        long p4 = four.get(3).beneficiaryId();
        String kecamatan = four.get(0).kecamatanCode();

        TestAccounts.loginAs(fixture.head(KLT));
        LocalDate today = visits.today();
        met(p1, 1, Visit.Business.RUNNING, Set.of());                       // done
        met(p1, 6, Visit.Business.RUNNING, Set.of());                       // done, visited 6m, running 6m
        met(p2, 1, Visit.Business.PARTLY, Set.of(FlagKind.OTHER));          // done, a flag open
        met(p2, 6, Visit.Business.STOPPED, Set.of());                       // done, visited 6m
        met(p3, 12, Visit.Business.RUNNING, Set.of());                      // done, visited 12m, running 12m, graduated
        Visit p4first = visit(p4, 1);                                       // done, the person not met
        visits.record(p4first.id(), new VisitReport(today, false, "Sedang merantau (uji)", null, null, null, null, null, null, null,
                Set.of(), null, null, null, null, List.of(), List.of(), p4first.version()));
        // open: p3's first visit is 10 days late (overdue); p5's first is due in 3 days (due)
        // another district's visit done today: no part of KLT's figures, nor of what KLT's head sees
        long other = fixture.handedOver(OTHER, 1, now.minusDays(40)).getFirst().beneficiaryId();
        TestAccounts.loginAs(fixture.head(OTHER));
        met(other, 1, Visit.Business.RUNNING, Set.of());

        Map<Figure, Long> expected = Map.of(Figure.VISITS_DONE, 6L, Figure.VISITS_DUE, 1L, Figure.VISITS_OVERDUE, 1L,
                Figure.VISITED_6M, 2L, Figure.RUNNING_6M, 1L, Figure.VISITED_12M, 1L, Figure.RUNNING_12M, 1L,
                Figure.OPEN_FLAGS, 1L, Figure.GRADUATED, 1L);
        TestAccounts.loginAs(fixture.provinceOfficer());
        assertThat(figures.provides()).containsExactlyInAnyOrderElementsOf(expected.keySet());
        assertThat(figures.byKabkota(today).get(KLT)).containsExactlyInAnyOrderEntriesOf(expected);
        assertThat(figures.byKecamatan(KLT, today)).containsOnlyKeys(kecamatan);
        assertThat(figures.byKecamatan(KLT, today).get(kecamatan)).containsExactlyInAnyOrderEntriesOf(expected);

        // the period: what happened today; nothing a year ago
        Map<Figure, Long> period = Map.of(Figure.VISITS_DONE, 6L, Figure.VISITED_6M, 2L, Figure.RUNNING_6M, 1L,
                Figure.VISITED_12M, 1L, Figure.RUNNING_12M, 1L, Figure.GRADUATED, 1L);
        assertThat(figures.inPeriod(null, today.minusDays(1), today).get(KLT)).containsExactlyInAnyOrderEntriesOf(period);
        assertThat(figures.inPeriod(KLT, today, today).get(kecamatan)).containsExactlyInAnyOrderEntriesOf(period);
        assertThat(figures.inPeriod(null, today.minusDays(400), today.minusDays(300))).doesNotContainKey(KLT);

        // the district head sees the same row, and only theirs
        TestAccounts.loginAs(fixture.head(KLT));
        assertThat(figures.byKabkota(today)).containsOnlyKeys(KLT);
        assertThat(figures.byKabkota(today).get(KLT)).containsExactlyInAnyOrderEntriesOf(expected);
        assertThat(figures.inPeriod(null, today.minusDays(1), today)).as("a period's counts, within scope too").containsOnlyKeys(KLT);

        // the charts: the cohort of 40 days ago; the months with the three first visits done
        VisitFigures.Cohort cohort = trend.cohorts(KLT).stream()
                .filter(c -> c.quarter().equals(now.minusDays(40).getYear() + "-Q" + ((now.minusDays(40).getMonthValue() - 1) / 3 + 1)))
                .findFirst().orElseThrow();
        assertThat(cohort).isEqualTo(new VisitFigures.Cohort(cohort.quarter(), 2, 1, 1, 1));
        List<VisitFigures.Month> months = trend.perMonth(KLT);
        assertThat(months).hasSize(12);
        assertThat(months.stream().mapToInt(VisitFigures.Month::done).sum()).isEqualTo(3);
        assertThat(months.stream().mapToInt(VisitFigures.Month::due).sum()).isBetween(4, 5);
        assertThat(p5).isPositive();
    }
}
