package id.berdaya.monitoring;

import id.berdaya.core.RuleViolation;
import id.berdaya.core.audit.AuditEntry;
import id.berdaya.core.audit.AuditService;
import id.berdaya.core.figures.Figure;
import id.berdaya.core.security.BerdayaUser;
import id.berdaya.core.user.TestAccounts;
import id.berdaya.monitoring.figures.MonitoringFigures;
import id.berdaya.monitoring.ledger.LedgerService;
import id.berdaya.monitoring.reintegration.ReintegrationService;
import id.berdaya.monitoring.schedule.ScheduleService;
import id.berdaya.monitoring.visit.Visit;
import id.berdaya.monitoring.visit.VisitService;
import id.berdaya.monitoring.visit.Worklist;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.access.AccessDeniedException;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Every read and write of monitoring stays in the user's district: another district's is "not found" or refused. */
@SpringBootTest(classes = MonitoringTestApplication.class)
class ScopeTest {

    static final String WSB = "33.07";
    static final String PKL = "33.26";

    @Autowired MonitoringFixture fixture;
    @Autowired VisitService visits;
    @Autowired LedgerService ledger;
    @Autowired ReintegrationService reintegration;
    @Autowired ScheduleService schedule;
    @Autowired MonitoringFigures figures;
    @Autowired AuditService audit;

    @AfterEach
    void logout() {
        TestAccounts.logout();
    }

    @Test
    void anotherDistrictNeitherReadsNorWritesTheVisitsLedgerFlagsAreasOrFigures() {
        MonitoringFixture.HandedOver h = fixture.handedOver(WSB, 1, LocalDate.now().minusDays(40)).getFirst();
        TestAccounts.loginAs(fixture.head(WSB));
        Visit v = visits.ofBeneficiaries(List.of(h.beneficiaryId())).getFirst();
        LocalDate today = visits.today();
        assertThat(visits.worklist(Worklist.Filter.all()).overdue()).extracting(Visit::id).contains(v.id());

        BerdayaUser otherHead = fixture.head(PKL);
        BerdayaUser otherOfficer = fixture.fieldOfficer(PKL, "gilang");
        for (BerdayaUser u : List.of(otherHead, otherOfficer)) {
            TestAccounts.loginAs(u);
            assertThat(visits.get(v.id())).isEmpty();
            assertThat(visits.followUp(v.caseId())).isEmpty();
            assertThat(visits.ofBeneficiaries(List.of(h.beneficiaryId()))).isEmpty();
            assertThat(visits.worklist(Worklist.Filter.all()).all()).extracting(Visit::id).doesNotContain(v.id());
            assertThat(visits.worklist(new Worklist.Filter(WSB, null, false)).all()).isEmpty();
            assertThat(ledger.assets(v.caseId())).isEmpty();
            assertThat(ledger.history(List.of(v.caseId()))).isEmpty();
            assertThat(reintegration.openCount(v.caseId())).isZero();
            assertThatThrownBy(() -> visits.record(v.id(), MonitoringFixture.met(v, today, Visit.Business.RUNNING, List.of())))
                    .isInstanceOf(RuleViolation.class).hasMessageContaining("error.notFound");
            assertThatThrownBy(() -> visits.reschedule(v.id(), today.plusDays(3), "Alasan uji lain distrik", v.version()))
                    .isInstanceOf(RuleViolation.class).hasMessageContaining("error.notFound");
            assertThatThrownBy(() -> visits.changes(v.id())).isInstanceOf(RuleViolation.class);
            assertThat(figures.byKabkota(today)).doesNotContainKey(WSB);
            assertThat(figures.byKecamatan(WSB, today)).isEmpty();
        }
        TestAccounts.loginAs(otherHead);
        assertThatThrownBy(() -> visits.reassign(v.id(), null, v.version())).isInstanceOf(RuleViolation.class)
                .hasMessageContaining("error.notFound");
        assertThatThrownBy(() -> reintegration.flags(v.caseId())).isInstanceOf(RuleViolation.class);
        String wsbKecamatan = h.kecamatanCode();
        assertThatThrownBy(() -> schedule.assignArea(wsbKecamatan, null)).isInstanceOf(AccessDeniedException.class);
        assertThat(schedule.fieldOfficers(WSB)).isEmpty();

        // the probes are audited as denials, shown to the probed district
        TestAccounts.loginAs(fixture.admin());
        assertThat(audit.history("MONITORING_VISIT", String.valueOf(v.id()), 50)).extracting(AuditEntry::action).contains("SCOPE_DENIED");

        // the record is unchanged
        TestAccounts.loginAs(fixture.head(WSB));
        Visit same = visits.get(v.id()).orElseThrow();
        assertThat(same.done()).isFalse();
        assertThat(same.dueOn()).isEqualTo(v.dueOn());
        assertThat(visits.changes(v.id())).isEmpty();
        assertThat(figures.byKabkota(today)).containsOnlyKeys(WSB);
        assertThat(figures.byKabkota(today).get(WSB)).containsEntry(Figure.VISITS_OVERDUE, 1L);
    }
}
