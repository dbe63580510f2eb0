package id.berdaya.training;

import id.berdaya.core.security.BerdayaUser;
import id.berdaya.core.security.Role;
import id.berdaya.core.user.TestAccounts;
import id.berdaya.training.attendance.AttendanceService;
import id.berdaya.training.certificate.CertificateService;
import id.berdaya.training.event.EventFilter;
import id.berdaya.training.event.EventService;
import id.berdaya.training.event.EventStatus;
import id.berdaya.training.event.TrainingEvent;
import id.berdaya.training.event.TrainingSession;
import id.berdaya.training.partner.Partner;
import id.berdaya.training.partner.PartnerService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The demo profile's training picture, seeded through the services on start. */
@SpringBootTest(classes = TrainingTestApplication.class)
@ActiveProfiles("demo")
class DemoTrainingTest {

    @Autowired EventService events;
    @Autowired AttendanceService attendance;
    @Autowired CertificateService certificates;
    @Autowired PartnerService partners;
    @Autowired TestAccounts accounts;

    @AfterEach
    void logout() {
        TestAccounts.logout();
    }

    @Test
    void purbalinggaAndPekalonganHaveAClosedARunningAndAPlannedEventAndEachPartnerAccountSeesItsSessions() {
        for (String kabkota : List.of("33.03", "33.26")) {
            TestAccounts.loginAs(accounts.ensure("uji.demo.head." + kabkota, Role.DISTRICT_HEAD, kabkota));
            List<TrainingEvent> demo = events.list(new EventFilter(null, kabkota, null)).stream()
                    .filter(e -> e.signatoryName() != null && e.signatoryName().contains("(Demo)")).toList();
            assertThat(demo).extracting(TrainingEvent::status)
                    .containsExactlyInAnyOrder(EventStatus.CLOSED, EventStatus.RUNNING, EventStatus.PLANNED);
            TrainingEvent closed = demo.stream().filter(e -> e.status() == EventStatus.CLOSED).findFirst().orElseThrow();
            assertThat(closed.enrolled()).isPositive();
            assertThat(certificates.ofEvent(closed.id())).isNotEmpty().hasSizeLessThan(closed.enrolled());
            TrainingEvent running = demo.stream().filter(e -> e.status() == EventStatus.RUNNING).findFirst().orElseThrow();
            List<TrainingSession> sessions = events.sessions(running.id());
            assertThat(sessions).hasSize(4);
            assertThat(attendance.sheet(sessions.get(0).id())).isNotEmpty();
            assertThat(attendance.sheet(sessions.get(3).id())).isEmpty();
        }
        TestAccounts.loginAs(accounts.ensure("uji.demo.admin", Role.PROVINCE_ADMIN, null));
        List<Partner> demoPartners = partners.list().stream().filter(p -> p.name().endsWith("(Demo)")).toList();
        assertThat(demoPartners).hasSize(2).allSatisfy(p -> assertThat(partners.usersOf(p.id())).hasSize(1));

        Partner polres = demoPartners.stream().filter(p -> p.name().startsWith("Polres")).findFirst().orElseThrow();
        long userId = partners.usersOf(polres.id()).getFirst();
        TestAccounts.loginAs(new BerdayaUser(userId, "mitra.polres.purbalingga", "Mitra", Role.PARTNER, "33.03", true, false, null));
        assertThat(events.mySchedule()).isNotEmpty().allSatisfy(s -> assertThat(s.partnerId()).isEqualTo(polres.id()));
        assertThat(events.list(EventFilter.ALL)).hasSize(2).allSatisfy(e -> assertThat(e.internalTitle()).isNull());
    }
}
