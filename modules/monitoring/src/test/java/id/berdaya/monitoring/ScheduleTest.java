package id.berdaya.monitoring;

import id.berdaya.core.RuleViolation;
import id.berdaya.core.audit.AuditService;
import id.berdaya.core.security.BerdayaUser;
import id.berdaya.core.user.TestAccounts;
import id.berdaya.grants.GrantsFixture;
import id.berdaya.monitoring.schedule.OfficerArea;
import id.berdaya.monitoring.schedule.ScheduleService;
import id.berdaya.monitoring.visit.Visit;
import id.berdaya.monitoring.visit.VisitChange;
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

/** The visit schedule made at the handover, the offsets per budget year, the officers' kecamatan, rescheduling and reassigning. */
@SpringBootTest(classes = MonitoringTestApplication.class)
class ScheduleTest {

    static final String BMS = "33.02";

    @Autowired MonitoringFixture fixture;
    @Autowired ScheduleService schedule;
    @Autowired VisitService visits;

    @AfterEach
    void logout() {
        TestAccounts.logout();
    }

    private List<Visit> visitsOf(long beneficiaryId) {
        return visits.ofBeneficiaries(List.of(beneficiaryId));
    }

    @Test
    void aHandoverCreatesFourVisitsAtOneThreeSixAndTwelveMonthsForTheOfficerOfTheKecamatan() {
        LocalDate handed = LocalDate.now().minusDays(20);
        BerdayaUser head = fixture.head(BMS);
        BerdayaUser officer = fixture.fieldOfficer(BMS, "andi");
        // the person of the fixture lives in the district's first kecamatan: the head gives it to Andi
        TestAccounts.loginAs(head);
        String kecamatan = schedule.areas(BMS).getFirst().kecamatanCode();
        schedule.assignArea(kecamatan, officer.id());
        assertThat(schedule.areas(BMS).getFirst()).extracting(OfficerArea::officerId).isEqualTo(officer.id());

        MonitoringFixture.HandedOver h = fixture.handedOver(BMS, 1, handed).getFirst();
        assertThat(h.kecamatanCode()).isEqualTo(kecamatan);

        TestAccounts.loginAs(head);
        List<Visit> four = visitsOf(h.beneficiaryId());
        assertThat(four).extracting(Visit::monthOffset).containsExactly(1, 3, 6, 12);
        assertThat(four).extracting(Visit::dueOn).containsExactly(handed.plusMonths(1), handed.plusMonths(3), handed.plusMonths(6),
                handed.plusMonths(12));
        assertThat(four).allSatisfy(v -> {
            assertThat(v.officerId()).isEqualTo(officer.id());
            assertThat(v.done()).isFalse();
            assertThat(v.kecamatanCode()).isEqualTo(kecamatan);
        });

        // the officer's worklist: the first visit due within the coming 7 days? (20 days after: due in ~10 days: upcoming)
        TestAccounts.loginAs(officer);
        Worklist w = visits.worklist(Worklist.Filter.all());
        assertThat(w.all()).extracting(Visit::id).contains(four.get(0).id()).doesNotContain(four.get(3).id());

        // nobody covers the kecamatan any more: a new handover's visits stay unassigned
        TestAccounts.loginAs(head);
        schedule.assignArea(kecamatan, null);
        MonitoringFixture.HandedOver h2 = fixture.handedOver(BMS, 1, handed).getFirst();
        TestAccounts.loginAs(head);
        assertThat(visitsOf(h2.beneficiaryId())).hasSize(4).allSatisfy(v -> assertThat(v.officerId()).isNull());
        assertThat(visits.worklist(new Worklist.Filter(BMS, null, true)).all()).extracting(Visit::id)
                .contains(visitsOf(h2.beneficiaryId()).getFirst().id());
    }

    @Test
    void theOffsetsAreSetPerBudgetYearByTheProvinceAdministratorAndAudited() {
        GrantsFixture.Catalogue c = fixture.year(BMS);
        TestAccounts.loginAs(fixture.head(BMS));
        assertThatThrownBy(() -> schedule.setOffsets(c.year(), List.of(2, 6, 12))).isInstanceOf(AccessDeniedException.class);
        TestAccounts.loginAs(fixture.admin());
        assertThat(schedule.offsets(c.year())).isEqualTo(ScheduleService.DEFAULT_OFFSETS);
        assertThatThrownBy(() -> schedule.setOffsets(c.year(), List.of(2, 6))).isInstanceOf(RuleViolation.class)
                .hasMessageContaining("monitoring.offsets.invalid");
        assertThat(schedule.setOffsets(c.year(), List.of(12, 2, 6))).containsExactly(2, 6, 12);

        LocalDate handed = LocalDate.now().minusDays(3);
        MonitoringFixture.HandedOver h = fixture.handedOver(c, BMS, 1, handed).getFirst();
        TestAccounts.loginAs(fixture.head(BMS));
        assertThat(visitsOf(h.beneficiaryId())).extracting(Visit::dueOn)
                .containsExactly(handed.plusMonths(2), handed.plusMonths(6), handed.plusMonths(12));
    }

    @Test
    void reschedulingNeedsAReasonAndKeepsTheHistoryReassigningIsTheHeads() {
        BerdayaUser head = fixture.head(BMS);
        BerdayaUser budi = fixture.fieldOfficer(BMS, "budi");
        BerdayaUser citra = fixture.fieldOfficer(BMS, "citra");
        MonitoringFixture.HandedOver h = fixture.handedOver(BMS, 1, LocalDate.now().minusDays(5)).getFirst();

        TestAccounts.loginAs(head);
        Visit first = visitsOf(h.beneficiaryId()).getFirst();
        assertThat(visits.allowedActions(first)).contains(VisitService.Action.REASSIGN, VisitService.Action.RESCHEDULE);
        Visit toBudi = visits.reassign(first.id(), budi.id(), first.version());
        assertThat(toBudi.officerId()).isEqualTo(budi.id());

        // a field officer may not reassign, and may move only their own visit
        TestAccounts.loginAs(citra);
        assertThat(visits.allowedActions(toBudi)).doesNotContain(VisitService.Action.RESCHEDULE, VisitService.Action.REASSIGN);
        assertThatThrownBy(() -> visits.reassign(toBudi.id(), citra.id(), toBudi.version())).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> visits.reschedule(toBudi.id(), toBudi.dueOn().plusDays(7), "Penerima sedang ke luar kota", toBudi.version()))
                .isInstanceOf(RuleViolation.class).hasMessageContaining("monitoring.visit.notYours");

        TestAccounts.loginAs(budi);
        LocalDate later = toBudi.dueOn().plusDays(7);
        assertThatThrownBy(() -> visits.reschedule(toBudi.id(), later, " ", toBudi.version()))
                .isInstanceOf(RuleViolation.class).hasMessageContaining("monitoring.visit.reasonRequired");
        Visit moved = visits.reschedule(toBudi.id(), later, "Penerima sedang ke luar kota (uji)", toBudi.version());
        assertThat(moved.dueOn()).isEqualTo(later);
        // the version seen before the move is stale now
        assertThatThrownBy(() -> visits.reschedule(toBudi.id(), later.plusDays(1), "Alasan kedua (uji)", toBudi.version()))
                .isInstanceOf(RuleViolation.class).hasMessageContaining("error.concurrentChange");

        TestAccounts.loginAs(head);
        List<VisitChange> history = visits.changes(first.id());
        assertThat(history).extracting(VisitChange::kind).containsExactly(VisitChange.Kind.REASSIGNED, VisitChange.Kind.RESCHEDULED);
        assertThat(history.get(0).officerBefore()).isNull();
        assertThat(history.get(0).officerAfter()).isEqualTo(budi.id());
        assertThat(history.get(1).dueBefore()).isEqualTo(first.dueOn());
        assertThat(history.get(1).dueAfter()).isEqualTo(later);
        assertThat(history.get(1).reason()).isEqualTo("Penerima sedang ke luar kota (uji)");
        assertThat(history.get(1).changedBy()).isEqualTo(budi.getUsername());

        // a visit cannot go to somebody who is not a field officer of the district
        assertThatThrownBy(() -> visits.reassign(moved.id(), head.id(), moved.version()))
                .isInstanceOf(RuleViolation.class).hasMessageContaining("monitoring.officer.notFieldOfficer");
    }
}
