package id.berdaya.monitoring;

import id.berdaya.core.RuleViolation;
import id.berdaya.core.audit.AuditEntry;
import id.berdaya.core.audit.AuditService;
import id.berdaya.core.security.BerdayaUser;
import id.berdaya.core.user.TestAccounts;
import id.berdaya.monitoring.reintegration.Flag;
import id.berdaya.monitoring.reintegration.FlagKind;
import id.berdaya.monitoring.reintegration.ReintegrationService;
import id.berdaya.monitoring.schedule.ScheduleService;
import id.berdaya.monitoring.visit.Visit;
import id.berdaya.monitoring.visit.VisitReport;
import id.berdaya.monitoring.visit.VisitService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.access.AccessDeniedException;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Risk flags are specific personal data: who sees them, that every view is audited, counts for everyone else, closing. */
@SpringBootTest(classes = MonitoringTestApplication.class)
class FlagTest {

    static final String KBM = "33.05";
    static final String PKL = "33.26";

    @Autowired MonitoringFixture fixture;
    @Autowired VisitService visits;
    @Autowired ReintegrationService reintegration;
    @Autowired ScheduleService schedule;
    @Autowired AuditService audit;

    @AfterEach
    void logout() {
        TestAccounts.logout();
    }

    @Test
    void onlyTheHeadProvincialOfficersAndTheAssignedOfficerSeeFlagsEachViewAuditedOthersGetCounts() {
        BerdayaUser head = fixture.head(KBM);
        BerdayaUser eka = fixture.fieldOfficer(KBM, "eka");
        BerdayaUser fajar = fixture.fieldOfficer(KBM, "fajar");
        TestAccounts.loginAs(head);
        schedule.assignArea(schedule.areas(KBM).getFirst().kecamatanCode(), eka.id());
        MonitoringFixture.HandedOver h = fixture.handedOver(KBM, 1, LocalDate.now().minusDays(40)).getFirst();

        TestAccounts.loginAs(eka);
        Visit first = visits.ofBeneficiaries(List.of(h.beneficiaryId())).getFirst();
        long caseId = first.caseId();
        VisitReport r = MonitoringFixture.met(first, visits.today(), Visit.Business.PARTLY, List.of());
        visits.record(first.id(), new VisitReport(r.visitedOn(), true, null, r.business(), r.businessReason(), r.turnover(), r.profit(),
                r.workAcceptance(), r.familyAcceptance(), r.communityAcceptance(), Set.of(FlagKind.FORMER_ACTIVITY),
                "Terlihat kembali ke tempat lama (uji)", null, null, null, List.of(), List.of(), r.version()));

        // the assigned officer, the head and a provincial officer read them; each reading is audited
        for (BerdayaUser u : List.of(eka, head, fixture.provinceOfficer())) {
            TestAccounts.loginAs(u);
            assertThat(reintegration.mayReadFlags(caseId)).as(u.getUsername()).isTrue();
            assertThat(reintegration.flags(caseId)).extracting(Flag::kind).containsExactly(FlagKind.FORMER_ACTIVITY);
        }
        TestAccounts.loginAs(fixture.admin());
        List<AuditEntry> views = audit.history("MONITORING_CASE", String.valueOf(caseId), 50).stream()
                .filter(e -> e.action().equals("MONITORING_FLAGS_VIEWED")).toList();
        assertThat(views).extracting(AuditEntry::username)
                .containsExactlyInAnyOrder(eka.getUsername(), head.getUsername(), fixture.provinceOfficer().getUsername());

        // another field officer of the district, the operator and the administrator: counts only
        for (BerdayaUser u : List.of(fajar, fixture.operator(KBM), fixture.admin())) {
            TestAccounts.loginAs(u);
            assertThat(reintegration.mayReadFlags(caseId)).as(u.getUsername()).isFalse();
            assertThat(reintegration.openCount(caseId)).isEqualTo(1);
            assertThatThrownBy(() -> reintegration.flags(caseId)).as(u.getUsername()).isInstanceOf(AccessDeniedException.class);
        }
        // another district's head: not found
        TestAccounts.loginAs(fixture.head(PKL));
        assertThatThrownBy(() -> reintegration.flags(caseId)).isInstanceOf(RuleViolation.class).hasMessageContaining("error.notFound");
        assertThat(reintegration.openCount(caseId)).isZero();

        // closing: the head, with a note; not the field officer
        TestAccounts.loginAs(head);
        Flag flag = reintegration.flags(caseId).getFirst();
        TestAccounts.loginAs(eka);
        assertThatThrownBy(() -> reintegration.close(flag.id(), "Sudah bekerja lagi (uji)", flag.version()))
                .isInstanceOf(AccessDeniedException.class);
        TestAccounts.loginAs(head);
        assertThatThrownBy(() -> reintegration.close(flag.id(), "", flag.version())).isInstanceOf(RuleViolation.class)
                .hasMessageContaining("monitoring.flag.noteRequired");
        reintegration.close(flag.id(), "Sudah bekerja di bengkel desa (uji)", flag.version());
        assertThat(reintegration.openCount(caseId)).isZero();
        assertThat(reintegration.flags(caseId).getFirst().closeNote()).isEqualTo("Sudah bekerja di bengkel desa (uji)");
        assertThatThrownBy(() -> reintegration.close(flag.id(), "Ditutup lagi (uji)", flag.version() + 1))
                .isInstanceOf(RuleViolation.class).hasMessageContaining("monitoring.flag.closed");
    }
}
