package id.berdaya.monitoring;

import id.berdaya.core.user.TestAccounts;
import id.berdaya.monitoring.alert.Alert;
import id.berdaya.monitoring.alert.AlertService;
import id.berdaya.monitoring.alert.DistrictAlerts;
import id.berdaya.monitoring.reintegration.FlagKind;
import id.berdaya.monitoring.visit.Visit;
import id.berdaya.monitoring.visit.VisitReport;
import id.berdaya.monitoring.visit.VisitService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.test.context.TestPropertySource;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The alerts: a visit overdue for more than 14 days, a new risk flag, a business stopped; the province's above a threshold (0 here). */
@SpringBootTest(classes = MonitoringTestApplication.class)
@TestPropertySource(properties = "berdaya.monitoring.alert-threshold=0")
class AlertTest {

    static final String MGL = "33.08";

    @Autowired MonitoringFixture fixture;
    @Autowired VisitService visits;
    @Autowired AlertService alerts;

    @AfterEach
    void logout() {
        TestAccounts.logout();
    }

    @Test
    void theHeadSeesEachOverdueVisitNewFlagAndStoppedBusinessTheProvinceTheDistrictsAboveTheThreshold() {
        List<MonitoringFixture.HandedOver> two = fixture.handedOver(MGL, 2, LocalDate.now().minusDays(50));
        TestAccounts.loginAs(fixture.head(MGL));
        Visit late = visits.ofBeneficiaries(List.of(two.get(0).beneficiaryId())).getFirst();
        Visit b = visits.ofBeneficiaries(List.of(two.get(1).beneficiaryId())).getFirst();
        VisitReport r = MonitoringFixture.met(b, visits.today(), Visit.Business.STOPPED, List.of());
        visits.record(b.id(), new VisitReport(r.visitedOn(), true, null, r.business(), r.businessReason(), 0L, 0L, null, null, null,
                Set.of(FlagKind.SUBSTANCE_USE), "Catatan tanda risiko (uji)", null, null, null, List.of(), List.of(), r.version()));

        List<Alert> mine = alerts.district(MGL);
        assertThat(mine).extracting(Alert::kind, Alert::caseId).containsExactlyInAnyOrder(
                org.assertj.core.groups.Tuple.tuple(Alert.Kind.OVERDUE, late.caseId()),
                org.assertj.core.groups.Tuple.tuple(Alert.Kind.NEW_FLAG, b.caseId()),
                org.assertj.core.groups.Tuple.tuple(Alert.Kind.BUSINESS_STOPPED, b.caseId()));
        assertThat(mine.stream().filter(a -> a.kind() == Alert.Kind.OVERDUE).findFirst().orElseThrow().days())
                .isEqualTo(late.daysLate(visits.today())).isGreaterThan(14);
        AlertService.Panel panel = alerts.forBeranda();
        assertThat(panel.shown()).isTrue();
        assertThat(panel.alerts()).hasSize(3);

        TestAccounts.loginAs(fixture.operator(MGL));
        assertThat(alerts.forBeranda().shown()).isFalse();
        assertThatThrownBy(() -> alerts.district(MGL)).isInstanceOf(AccessDeniedException.class);

        TestAccounts.loginAs(fixture.provinceOfficer());
        assertThat(alerts.forBeranda().districts()).contains(new DistrictAlerts(MGL, 1, 1, 1));
        TestAccounts.loginAs(fixture.head("33.26"));
        assertThat(alerts.district(MGL)).isEmpty();
    }
}
