package id.berdaya.training.demo;

import id.berdaya.core.security.BerdayaUser;
import id.berdaya.core.user.DemoActors;
import id.berdaya.registry.beneficiary.BeneficiaryFilter;
import id.berdaya.registry.beneficiary.BeneficiaryService;
import id.berdaya.registry.beneficiary.BeneficiaryStatus;
import id.berdaya.registry.beneficiary.BeneficiarySummary;
import id.berdaya.training.attendance.AttendanceService;
import id.berdaya.training.attendance.AttendanceState;
import id.berdaya.training.enrolment.EnrolmentService;
import id.berdaya.training.enrolment.Participant;
import id.berdaya.training.event.CompletionRule;
import id.berdaya.training.event.EventKind;
import id.berdaya.training.event.EventService;
import id.berdaya.training.event.EventStatus;
import id.berdaya.training.event.NewEvent;
import id.berdaya.training.event.NewSession;
import id.berdaya.training.event.TrainingEvent;
import id.berdaya.training.event.TrainingSession;
import id.berdaya.training.partner.NewPartner;
import id.berdaya.training.partner.Partner;
import id.berdaya.training.partner.PartnerService;
import id.berdaya.training.partner.PartnerType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;

/**
 * Under the {@code demo} profile, once, after the demo register: in Purbalingga and Pekalongan a
 * closed training event with certificates, a running one with half its attendance and a planned
 * one, and two partner agencies, each with its demo PARTNER account. Synthetic throughout; every
 * act goes through the services as the district's demo accounts, so it is audited like real work.
 */
@Component
@Profile("demo")
@Order(40)
class DemoTraining implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoTraining.class);

    /** A district, its agency and the demo accounts that act there. */
    private record District(String kabkota, String place, String partnerName, PartnerType partnerType, String partnerAccount,
                            String operator, String head) {
    }

    private static final List<District> DISTRICTS = List.of(
            new District("33.03", "Purbalingga", "Polres Purbalingga (Demo)", PartnerType.POLICE, "mitra.polres.purbalingga",
                    "operator.purbalingga", "kadinsos.purbalingga"),
            new District("33.26", "Pekalongan", "Kantor Kemenag Kabupaten Pekalongan (Demo)", PartnerType.RELIGIOUS_AFFAIRS,
                    "mitra.kemenag.pekalongan", "operator.pekalongan", "kadinsos.pekalongan"));

    private final DemoActors actors;
    private final PartnerService partners;
    private final EventService events;
    private final EnrolmentService enrolment;
    private final AttendanceService attendance;
    private final BeneficiaryService register;
    private final TransactionTemplate tx;
    private final Clock clock;

    DemoTraining(DemoActors actors, PartnerService partners, EventService events, EnrolmentService enrolment,
                 AttendanceService attendance, BeneficiaryService register, TransactionTemplate tx, Clock clock) {
        this.actors = actors;
        this.partners = partners;
        this.events = events;
        this.enrolment = enrolment;
        this.attendance = attendance;
        this.register = register;
        this.tx = tx;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        try {
            BerdayaUser officer = actors.actAs("verifikator.provinsi");
            if (partners.list().stream().anyMatch(p -> p.name().equals(DISTRICTS.getFirst().partnerName()))) {
                return; // seeded on an earlier start
            }
            for (District d : DISTRICTS) {
                tx.executeWithoutResult(s -> seed(d, officer));
            }
            log.info("Demo profile: training events, partner agencies and their accounts added in {} districts", DISTRICTS.size());
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    private void seed(District d, BerdayaUser officer) {
        DemoActors.actAs(officer);
        LocalDate today = LocalDate.ofInstant(clock.instant(), id.berdaya.core.format.IndonesianFormat.WIB);
        Partner partner = partners.create(new NewPartner(d.partnerName(), d.partnerType(), d.kabkota(), "Bripka Contoh Demo",
                "081200000000", null, "MOU/DEMO/" + d.place().toUpperCase() + "/2026", today.minusMonths(6), today.plusYears(2)));
        actors.actAs("admin.provinsi");
        partners.assignUser(actors.account(d.partnerAccount()).id(), partner.id());

        DemoActors.actAs(officer);
        List<Long> people = new ArrayList<>();
        for (BeneficiaryStatus status : List.of(BeneficiaryStatus.VERIFIED, BeneficiaryStatus.ACTIVE)) {
            register.page(new BeneficiaryFilter(null, null, d.kabkota(), null, null, null, status, null, null, null, false), null, 12)
                    .stream().map(BeneficiarySummary::id).forEach(people::add);
        }
        int half = Math.min(10, people.size() / 2);
        List<Long> closedPeople = people.subList(0, half);
        List<Long> runningPeople = people.subList(half, Math.min(people.size(), half + 8));

        BerdayaUser operator = actors.actAs(d.operator());
        // a closed event with certificates, a month ago
        TrainingEvent closed = event(d, "Pelatihan Kewirausahaan Angkatan I", today.minusDays(30), 3, partner, 1);
        enrolAndStart(closed, closedPeople);
        List<TrainingSession> sessions = events.sessions(closed.id());
        List<Participant> ps = enrolment.participants(closed.id());
        for (TrainingSession s : sessions) {
            attendance.markEveryone(s.id(), AttendanceState.PRESENT);
        }
        for (int i = 0; i < ps.size(); i++) {
            Participant p = ps.get(i);
            if (i == 0) { // one who missed two of three sessions
                attendance.mark(sessions.get(1).id(), p.id(), AttendanceState.EXCUSED);
                attendance.mark(sessions.get(2).id(), p.id(), AttendanceState.ABSENT);
            } else if (i == 1) {
                attendance.mark(sessions.get(0).id(), p.id(), AttendanceState.LATE);
            }
            BigDecimal post = i == 2 ? null : BigDecimal.valueOf(58 + (i * 7) % 40);
            attendance.recordScores(p.id(), BigDecimal.valueOf(35 + (i * 11) % 30), post);
        }
        actors.actAs(d.head());
        events.close(closed.id(), events.get(closed.id()).orElseThrow().version());

        // a running event with half its attendance
        DemoActors.actAs(operator);
        TrainingEvent running = event(d, "Pelatihan Budidaya Ternak Kambing", today.minusDays(1), 4, partner, 2);
        enrolAndStart(running, runningPeople);
        List<TrainingSession> runningSessions = events.sessions(running.id());
        List<Participant> rps = enrolment.participants(running.id());
        for (TrainingSession s : runningSessions.subList(0, 2)) {
            attendance.markEveryone(s.id(), AttendanceState.PRESENT);
            if (!rps.isEmpty()) {
                attendance.mark(s.id(), rps.getLast().id(), AttendanceState.ABSENT);
            }
        }

        // a planned one
        event(d, "Pelatihan Keterampilan Menjahit", today.plusDays(30), 2, null, 0);
    }

    private TrainingEvent event(District d, String title, LocalDate start, int days, Partner partner, int partnerDay) {
        NewEvent n = new NewEvent(d.kabkota(), start.getYear(), title + " " + d.place() + " (sasaran eks-WBP dan eks-WTS)",
                title + " " + d.place(), title.contains("Ternak") ? EventKind.LIVESTOCK
                : title.contains("Menjahit") ? EventKind.SKILLS : EventKind.ENTREPRENEURSHIP,
                "Aula Dinas Sosial Kabupaten " + d.place(), start, start.plusDays(days - 1), List.of(10, 15), 30,
                CompletionRule.DEFAULT, "Dra. Contoh Kepala Dinas (Demo)", "Kepala Dinas Sosial Kabupaten " + d.place());
        TrainingEvent e = events.create(n);
        String[] topics = {"Motivasi dan pembinaan mental", "Kesadaran hukum dan ketertiban", "Menyusun rencana usaha",
                "Pencatatan keuangan sederhana"};
        for (int day = 0; day < days; day++) {
            boolean byPartner = partner != null && day == partnerDay;
            events.addSession(e.id(), new NewSession(start.plusDays(day), LocalTime.of(8, 30), LocalTime.of(12, 0),
                    topics[day % topics.length], byPartner ? null : "Fasilitator Contoh (Demo)", byPartner ? null : "Penyuluh Sosial",
                    byPartner ? partner.id() : null, "Ruang Pertemuan Dinsos"));
        }
        return events.get(e.id()).orElseThrow();
    }

    private void enrolAndStart(TrainingEvent e, List<Long> people) {
        events.changeStatus(e.id(), EventStatus.OPEN, e.version());
        if (!people.isEmpty()) {
            enrolment.enrol(e.id(), people);
        }
        events.changeStatus(e.id(), EventStatus.RUNNING, events.get(e.id()).orElseThrow().version());
    }
}
