package id.berdaya.training;

import id.berdaya.core.security.BerdayaUser;
import id.berdaya.core.security.Role;
import id.berdaya.core.user.TestAccounts;
import id.berdaya.registry.RegistryFixture;
import id.berdaya.registry.Sex;
import id.berdaya.registry.beneficiary.BeneficiaryService;
import id.berdaya.training.enrolment.EnrolmentService;
import id.berdaya.training.event.CompletionRule;
import id.berdaya.training.event.EventKind;
import id.berdaya.training.event.EventService;
import id.berdaya.training.event.EventStatus;
import id.berdaya.training.event.NewEvent;
import id.berdaya.training.event.NewSession;
import id.berdaya.training.event.TrainingEvent;
import id.berdaya.training.partner.NewPartner;
import id.berdaya.training.partner.Partner;
import id.berdaya.training.partner.PartnerService;
import id.berdaya.training.partner.PartnerType;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/** Synthetic people, events and sessions for the training tests: each event on days of its own. */
@Component
public class TrainingFixture {

    private static final AtomicInteger WEEK = new AtomicInteger();
    private final BeneficiaryService register;
    private final RegistryFixture people;
    private final TestAccounts accounts;
    private final EventService events;
    private final EnrolmentService enrolment;
    private final PartnerService partners;

    TrainingFixture(BeneficiaryService register, RegistryFixture people, TestAccounts accounts, EventService events,
                    EnrolmentService enrolment, PartnerService partners) {
        this.register = register;
        this.people = people;
        this.accounts = accounts;
        this.events = events;
        this.enrolment = enrolment;
        this.partners = partners;
    }

    /** A partner agency and a PARTNER account of it. */
    public record AgencyAccount(Partner partner, BerdayaUser user) {
    }

    /** A new agency of {@code kabkota} (named {@code name} and a unique suffix) with a linked PARTNER account; logs out afterwards. */
    public AgencyAccount agencyWithAccount(String name, String kabkota) {
        TestAccounts.loginAs(accounts.ensure("uji.pel.verif", Role.PROVINCE_OFFICER, null));
        Partner p = partners.create(partner(name + " " + System.nanoTime(), kabkota));
        BerdayaUser user = accounts.fresh("uji.pel.mitra", Role.PARTNER, kabkota);
        TestAccounts.loginAs(accounts.ensure("uji.pel.admin", Role.PROVINCE_ADMIN, null));
        partners.assignUser(user.id(), p.id());
        TestAccounts.logout();
        return new AgencyAccount(p, user);
    }

    /**
     * An event of {@code kabkota} with one session and {@code n} verified participants, closed by
     * the district head under a rule that everyone passes, so each has a certificate. Logs out afterwards.
     */
    public TrainingEvent closedEventWithCertificates(String kabkota, int n) {
        return closedEventWithCertificates(kabkota, verifiedPeople(kabkota, n));
    }

    /** The same for these verified people of {@code kabkota}. Logs out afterwards. */
    public TrainingEvent closedEventWithCertificates(String kabkota, List<Long> ids) {
        TestAccounts.loginAs(accounts.ensure("uji.pel.head." + kabkota, Role.DISTRICT_HEAD, kabkota));
        NewEvent e = event(kabkota, new CompletionRule(null, null));
        long id = events.create(e).id();
        events.addSession(id, session(e, 0, null));
        events.changeStatus(id, EventStatus.OPEN, events.get(id).orElseThrow().version());
        enrolment.enrol(id, ids);
        events.changeStatus(id, EventStatus.RUNNING, events.get(id).orElseThrow().version());
        events.close(id, events.get(id).orElseThrow().version());
        TrainingEvent closed = events.get(id).orElseThrow();
        TestAccounts.logout();
        return closed;
    }

    /** {@code n} registered people of the district, verified by its head; logs out afterwards. */
    public List<Long> verifiedPeople(String kabkota, int n) {
        List<Long> ids = registeredPeople(kabkota, n);
        TestAccounts.loginAs(accounts.ensure("uji.pel.head." + kabkota, Role.DISTRICT_HEAD, kabkota));
        for (long id : ids) {
            register.verify(id, register.get(id).orElseThrow().version());
        }
        TestAccounts.logout();
        return ids;
    }

    /** {@code n} registered, not yet verified people of the district; logs out afterwards. */
    public List<Long> registeredPeople(String kabkota, int n) {
        BerdayaUser op = accounts.ensure("uji.pel.reg." + kabkota, Role.DISTRICT_OPERATOR, kabkota);
        TestAccounts.loginAs(op);
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            ids.add(register.register(people.person(kabkota, "Peserta Uji " + (char) ('A' + i) + " " + WEEK.get(), RegistryFixture.birth(),
                    i % 2 == 0 ? Sex.L : Sex.P)).id());
        }
        TestAccounts.logout();
        return ids;
    }

    /** A five-day event in a week nobody else uses, with the default rule unless given. */
    public NewEvent event(String kabkota, CompletionRule rule) {
        LocalDate start = LocalDate.of(2026, 1, 5).plusWeeks(WEEK.incrementAndGet());
        return new NewEvent(kabkota, 2026, "Pelatihan kewirausahaan kelompok sasaran uji", "Pelatihan Kewirausahaan Uji",
                EventKind.ENTREPRENEURSHIP, "Aula Dinas Sosial Uji", start, start.plusDays(4), List.of(10, 15), 30, rule,
                "Drs. Kepala Uji", "Kepala Dinas Sosial");
    }

    /** The same dates as {@code other} (for the overlap rule). */
    public static NewEvent sameDates(NewEvent e, NewEvent other) {
        return new NewEvent(e.kabkotaCode(), e.budgetYear(), e.internalTitle(), e.publicTitle(), e.kind(), e.venue(),
                other.startDate(), other.endDate(), e.targetCategories(), e.quota(), e.rule(), e.signatoryName(), e.signatoryPosition());
    }

    /** A session on day {@code day} (0-based) of the event, by a facilitator and/or an agency. */
    public static NewSession session(NewEvent e, int day, Long partnerId) {
        return new NewSession(e.startDate().plusDays(day), LocalTime.of(8, 0), LocalTime.of(11, 0), "Materi uji hari " + (day + 1),
                partnerId == null ? "Fasilitator Uji" : null, partnerId == null ? "Penyuluh" : null, partnerId, "Ruang Uji");
    }

    public static NewPartner partner(String name, String kabkota) {
        return new NewPartner(name, PartnerType.POLICE, kabkota, "Kontak Uji", "0800000000", null, "MOU/UJI/" + name.length(),
                LocalDate.of(2026, 1, 1), LocalDate.of(2027, 12, 31));
    }
}
