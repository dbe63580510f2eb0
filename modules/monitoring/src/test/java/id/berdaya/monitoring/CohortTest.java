package id.berdaya.monitoring;

import id.berdaya.core.user.TestAccounts;
import id.berdaya.monitoring.trend.TrendService;
import id.berdaya.monitoring.trend.VisitFigures;
import id.berdaya.monitoring.visit.Visit;
import id.berdaya.monitoring.visit.VisitReport;
import id.berdaya.monitoring.visit.VisitService;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.security.access.AccessDeniedException;
import id.berdaya.core.security.Role;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The cohort chart reads counts kept in each visit's transaction; they agree with a GROUP BY over the visits (only this test uses Karanganyar). */
@SpringBootTest(classes = MonitoringTestApplication.class)
class CohortTest {

    static final String KRA = "33.13";

    @Autowired MonitoringFixture fixture;
    @Autowired VisitService visits;
    @Autowired TrendService trend;
    @Autowired DSLContext dsl;
    @Autowired TestAccounts accounts;

    @AfterEach
    void logout() {
        TestAccounts.logout();
    }

    private void met(long person, int offset, Visit.Business business) {
        Visit v = visits.ofBeneficiaries(List.of(person)).stream().filter(x -> x.monthOffset() == offset).findFirst().orElseThrow();
        VisitReport r = MonitoringFixture.met(v, visits.today(), business, List.of());
        visits.record(v.id(), r);
    }

    private void notMet(long person, int offset) {
        Visit v = visits.ofBeneficiaries(List.of(person)).stream().filter(x -> x.monthOffset() == offset).findFirst().orElseThrow();
        visits.record(v.id(), new VisitReport(visits.today(), false, "Sedang merantau (uji)", null, null, null, null, null, null, null,
                Set.of(), null, null, null, null, List.of(), List.of(), v.version()));
    }

    @Test
    void theCohortCountsAreKeptPerHandoverQuarterAndAgreeWithAGroupByOverTheVisits() {
        LocalDate now = LocalDate.now();
        List<MonitoringFixture.HandedOver> old = fixture.handedOver(KRA, 3, now.minusMonths(13));
        List<MonitoringFixture.HandedOver> recent = fixture.handedOver(KRA, 2, now.minusMonths(7));
        TestAccounts.loginAs(fixture.head(KRA));
        met(old.get(0).beneficiaryId(), 6, Visit.Business.RUNNING);
        met(old.get(0).beneficiaryId(), 12, Visit.Business.PARTLY);
        met(old.get(1).beneficiaryId(), 6, Visit.Business.STOPPED);
        met(old.get(1).beneficiaryId(), 12, Visit.Business.STOPPED);
        notMet(old.get(2).beneficiaryId(), 12);
        met(old.get(2).beneficiaryId(), 1, Visit.Business.RUNNING);
        met(recent.get(0).beneficiaryId(), 6, Visit.Business.PARTLY);
        met(recent.get(1).beneficiaryId(), 6, Visit.Business.RUNNING);

        List<VisitFigures.Cohort> kept = trend.cohorts(KRA);
        String q13 = quarter(now.minusMonths(13));
        String q7 = quarter(now.minusMonths(7));
        assertThat(kept).contains(new VisitFigures.Cohort(q13, 2, 1, 2, 1), new VisitFigures.Cohort(q7, 2, 2, 0, 0));

        // the naive count, joining the visits to their follow-ups
        var v = id.berdaya.db.Tables.MONITORING_VISIT;
        var c = id.berdaya.db.Tables.MONITORING_CASE;
        var quarter = DSL.field("CONCAT(YEAR({0}), '-Q', QUARTER({0}))", String.class, c.HANDED_ON);
        var six = DSL.sum(DSL.when(v.MONTH_OFFSET.eq((byte) 6), 1).otherwise(0)).cast(Integer.class);
        var sixRun = DSL.sum(DSL.when(v.MONTH_OFFSET.eq((byte) 6).and(v.BUSINESS.ne(id.berdaya.db.enums.MonitoringVisitBusiness.STOPPED)), 1)
                .otherwise(0)).cast(Integer.class);
        var twelve = DSL.sum(DSL.when(v.MONTH_OFFSET.eq((byte) 12), 1).otherwise(0)).cast(Integer.class);
        var twelveRun = DSL.sum(DSL.when(v.MONTH_OFFSET.eq((byte) 12).and(v.BUSINESS.ne(id.berdaya.db.enums.MonitoringVisitBusiness.STOPPED)), 1)
                .otherwise(0)).cast(Integer.class);
        List<VisitFigures.Cohort> counted = dsl.select(quarter, six, sixRun, twelve, twelveRun).from(v).join(c).on(c.ID.eq(v.CASE_ID))
                .where(v.KABKOTA_CODE.eq(KRA).and(v.DONE.isTrue()).and(v.PERSON_MET.isTrue()).and(v.MONTH_OFFSET.in((byte) 6, (byte) 12)))
                .groupBy(quarter).orderBy(quarter)
                .fetch(r -> new VisitFigures.Cohort(r.value1(), r.value2(), r.value3(), r.value4(), r.value5()));
        assertThat(kept).containsExactlyElementsOf(counted);
    }

    private static String quarter(LocalDate d) {
        return d.getYear() + "-Q" + ((d.getMonthValue() - 1) / 3 + 1);
    }

    @Test
    void theTrendChartsAreForStaffOnlyNotForPartnersWhoseCountsAreSuppressed() {
        TestAccounts.loginAs(fixture.head(KRA));
        assertThat(trend.mayReadCharts()).isTrue();
        assertThat(trend.perMonth(KRA)).hasSize(12);
        TestAccounts.loginAs(accounts.ensure("uji.tren.mitra", Role.PARTNER, KRA));
        assertThat(trend.mayReadCharts()).isFalse();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> trend.perMonth(KRA)).isInstanceOf(AccessDeniedException.class);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> trend.cohorts(KRA)).isInstanceOf(AccessDeniedException.class);
    }
}
