package id.berdaya.monitoring;

import id.berdaya.core.user.TestAccounts;
import id.berdaya.monitoring.outcome.Outcome;
import id.berdaya.monitoring.outcome.OutcomeService;
import id.berdaya.monitoring.reintegration.FlagKind;
import id.berdaya.monitoring.visit.Visit;
import id.berdaya.monitoring.visit.VisitReport;
import id.berdaya.monitoring.visit.VisitService;
import id.berdaya.registry.beneficiary.BeneficiaryService;
import id.berdaya.registry.beneficiary.BeneficiaryStatus;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The outcome at 12 months and the register's status following it. */
@SpringBootTest(classes = MonitoringTestApplication.class)
class GraduationTest {

    static final String PWR = "33.06";

    @Autowired MonitoringFixture fixture;
    @Autowired VisitService visits;
    @Autowired OutcomeService outcomes;
    @Autowired BeneficiaryService register;

    @AfterEach
    void logout() {
        TestAccounts.logout();
    }

    private Visit visit(long person, int offset) {
        return visits.ofBeneficiaries(List.of(person)).stream().filter(v -> v.monthOffset() == offset).findFirst().orElseThrow();
    }

    @Test
    void aRunningBusinessWithoutOpenFlagGraduatesAnOpenFlagOrAStoppedBusinessExitsAndTheRegisterFollows() {
        List<MonitoringFixture.HandedOver> three = fixture.handedOver(PWR, 3, LocalDate.now().minusDays(30));
        long running = three.get(0).beneficiaryId();
        long flagged = three.get(1).beneficiaryId();
        long stopped = three.get(2).beneficiaryId();
        TestAccounts.loginAs(fixture.head(PWR));
        LocalDate today = visits.today();
        assertThat(register.place(running).orElseThrow().status()).isEqualTo(BeneficiaryStatus.ACTIVE);

        Visit v = visit(running, 12);
        visits.record(v.id(), MonitoringFixture.met(v, today, Visit.Business.RUNNING, List.of()));

        Visit f1 = visit(flagged, 1);
        VisitReport r = MonitoringFixture.met(f1, today, Visit.Business.RUNNING, List.of());
        visits.record(f1.id(), new VisitReport(today, true, null, r.business(), null, r.turnover(), r.profit(), null, null, null,
                Set.of(FlagKind.REOFFENDING), "Diperiksa polisi (uji)", null, null, null, List.of(), List.of(), r.version()));
        Visit f12 = visit(flagged, 12);
        visits.record(f12.id(), MonitoringFixture.met(f12, today, Visit.Business.RUNNING, List.of()));

        Visit s12 = visit(stopped, 12);
        visits.record(s12.id(), MonitoringFixture.met(s12, today, Visit.Business.STOPPED, List.of()));

        assertThat(outcomes.ofBeneficiaries(List.of(running, flagged, stopped)))
                .extracting(Outcome::beneficiaryId, Outcome::kind, Outcome::reason)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple(running, Outcome.Kind.GRADUATED, Outcome.Reason.BUSINESS_RUNNING),
                        org.assertj.core.groups.Tuple.tuple(flagged, Outcome.Kind.EXITED, Outcome.Reason.FLAG_OPEN),
                        org.assertj.core.groups.Tuple.tuple(stopped, Outcome.Kind.EXITED, Outcome.Reason.BUSINESS_STOPPED));
        assertThat(register.place(running).orElseThrow().status()).isEqualTo(BeneficiaryStatus.GRADUATED);
        assertThat(register.place(flagged).orElseThrow().status()).isEqualTo(BeneficiaryStatus.EXITED);
        assertThat(register.place(stopped).orElseThrow().status()).isEqualTo(BeneficiaryStatus.EXITED);
    }

    @Test
    void aTwelveMonthVisitWithoutMeetingThePersonDecidesNothing() {
        long person = fixture.handedOver(PWR, 1, LocalDate.now().minusDays(30)).getFirst().beneficiaryId();
        TestAccounts.loginAs(fixture.head(PWR));
        Visit v = visit(person, 12);
        visits.record(v.id(), new VisitReport(visits.today(), false, "Rumah kosong, pindah sementara (uji)", null, null, null, null,
                null, null, null, Set.of(), null, null, null, null, List.of(), List.of(), v.version()));
        assertThat(outcomes.ofBeneficiaries(List.of(person))).isEmpty();
        assertThat(register.place(person).orElseThrow().status()).isEqualTo(BeneficiaryStatus.ACTIVE);
    }
}
