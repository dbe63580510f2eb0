package id.berdaya.monitoring;

import id.berdaya.core.RuleViolation;
import id.berdaya.core.audit.AuditEntry;
import id.berdaya.core.audit.AuditService;
import id.berdaya.core.figures.Figure;
import id.berdaya.core.user.TestAccounts;
import id.berdaya.grants.GrantsFixture;
import id.berdaya.grants.handover.HandoverService;
import id.berdaya.monitoring.alert.Alert;
import id.berdaya.monitoring.alert.AlertService;
import id.berdaya.monitoring.figures.MonitoringFigures;
import id.berdaya.monitoring.visit.Visit;
import id.berdaya.monitoring.visit.VisitService;
import id.berdaya.monitoring.visit.Worklist;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A voided handover's follow-up is withdrawn (only this test uses Wonogiri). */
@SpringBootTest(classes = MonitoringTestApplication.class)
class WithdrawalTest {

    static final String WNG = "33.12";
    static final String REASON = "Nama penerima salah ditulis di berita acara (uji)";

    @Autowired MonitoringFixture fixture;
    @Autowired VisitService visits;
    @Autowired HandoverService handovers;
    @Autowired MonitoringFigures figures;
    @Autowired AlertService alerts;
    @Autowired AuditService audit;

    @AfterEach
    void logout() {
        TestAccounts.logout();
    }

    private Map<Figure, Long> row(LocalDate today) {
        TestAccounts.loginAs(fixture.head(WNG));
        return figures.byKabkota(today).getOrDefault(WNG, Map.of());
    }

    @Test
    void aVoidBeforeAnyVisitWithdrawsTheFollowUpAndAHandoverAgainSchedulesAFreshOne() {
        LocalDate today = LocalDate.now();
        Map<Figure, Long> before = row(today);
        GrantsFixture.Catalogue c = fixture.year(WNG);
        MonitoringFixture.HandedOver h = fixture.handedOver(c, WNG, 1, today.minusDays(50)).getFirst();

        TestAccounts.loginAs(fixture.head(WNG));
        List<Visit> four = visits.ofBeneficiaries(List.of(h.beneficiaryId()));
        assertThat(four).hasSize(4);
        assertThat(row(today).get(Figure.VISITS_OVERDUE)).isEqualTo(before.getOrDefault(Figure.VISITS_OVERDUE, 0L) + 1);
        assertThat(alerts.district(WNG)).extracting(Alert::caseId).contains(four.getFirst().caseId());

        TestAccounts.loginAs(fixture.head(WNG));
        handovers.voidHandover(h.handoverId(), REASON);

        assertThat(visits.ofBeneficiaries(List.of(h.beneficiaryId()))).isEmpty();
        assertThat(visits.worklist(new Worklist.Filter(WNG, null, false)).all()).extracting(Visit::caseId)
                .doesNotContain(four.getFirst().caseId());
        assertThat(visits.followUp(four.getFirst().caseId())).isEmpty();
        assertThat(alerts.district(WNG)).extracting(Alert::caseId).doesNotContain(four.getFirst().caseId());
        assertThat(row(today)).isEqualTo(before);
        TestAccounts.loginAs(fixture.head(WNG));
        List<AuditEntry> trail = audit.history("MONITORING_CASE", String.valueOf(four.getFirst().caseId()), 10);
        assertThat(trail).extracting(AuditEntry::action).contains("MONITORING_WITHDRAWN");

        // handed over again five days ago: a fresh schedule from the new date
        LocalDate again = today.minusDays(5);
        long second = fixture.handOverAgain(c, WNG, h.proposalId(), again);
        TestAccounts.loginAs(fixture.head(WNG));
        List<Visit> fresh = visits.ofBeneficiaries(List.of(h.beneficiaryId()));
        assertThat(fresh).extracting(Visit::dueOn).containsExactly(again.plusMonths(1), again.plusMonths(3), again.plusMonths(6),
                again.plusMonths(12));
        assertThat(visits.followUp(fresh.getFirst().caseId()).orElseThrow().handoverId()).isEqualTo(second);
        assertThat(row(today).getOrDefault(Figure.VISITS_OVERDUE, 0L)).isEqualTo(before.getOrDefault(Figure.VISITS_OVERDUE, 0L));
    }

    @Test
    void aVoidAfterAVisitWasRecordedIsRefusedAndNothingChanges() {
        LocalDate today = LocalDate.now();
        MonitoringFixture.HandedOver h = fixture.handedOver(WNG, 1, today.minusDays(35)).getFirst();
        TestAccounts.loginAs(fixture.head(WNG));
        Visit first = visits.ofBeneficiaries(List.of(h.beneficiaryId())).getFirst();
        visits.record(first.id(), MonitoringFixture.met(first, visits.today(), Visit.Business.RUNNING, List.of()));
        Map<Figure, Long> before = row(today);

        TestAccounts.loginAs(fixture.head(WNG));
        assertThatThrownBy(() -> handovers.voidHandover(h.handoverId(), REASON)).isInstanceOfSatisfying(RuleViolation.class,
                e -> assertThat(e.problems()).containsExactly(new RuleViolation.Problem(null, "monitoring.withdraw.visitsDone", 1L)));

        assertThat(handovers.get(h.handoverId()).orElseThrow().voided()).isNull();
        assertThat(visits.ofBeneficiaries(List.of(h.beneficiaryId()))).hasSize(4);
        assertThat(row(today)).isEqualTo(before);
    }
}
