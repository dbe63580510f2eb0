package id.berdaya.training.enrolment;

import id.berdaya.core.RuleViolation;
import id.berdaya.core.audit.AuditEvent;
import id.berdaya.core.audit.AuditLog;
import id.berdaya.core.export.XlsxExport;
import id.berdaya.core.export.XlsxSheet;
import id.berdaya.core.security.CurrentUser;
import id.berdaya.registry.beneficiary.BeneficiaryDetail;
import id.berdaya.registry.beneficiary.BeneficiaryService;
import id.berdaya.training.TrainingAction;
import id.berdaya.training.TrainingEntity;
import id.berdaya.training.TrainingRoles;
import id.berdaya.training.event.EventService;
import id.berdaya.training.event.TrainingEvent;
import id.berdaya.training.partner.PartnerScope;
import id.berdaya.training.partner.PartnerService;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

import java.io.OutputStream;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The participants of training events: enrolment from the register (through
 * {@link BeneficiaryService#enterProgramme}, which makes people active in programme), withdrawal
 * with a reason, the participants' XLSX and a person's participations (their training history).
 * Events come from {@link EventService}; a PARTNER user sees only the names of the participants
 * of events its agency takes part in.
 */
@Service
@Transactional
public class EnrolmentService {

    private final ParticipantRepository participants;
    private final EventService events;
    private final PartnerService partners;
    private final BeneficiaryService register;
    private final AuditLog audit;
    private final Clock clock;

    EnrolmentService(ParticipantRepository participants, EventService events, PartnerService partners,
                     BeneficiaryService register, AuditLog audit, Clock clock) {
        this.participants = participants;
        this.events = events;
        this.partners = partners;
        this.register = register;
        this.audit = audit;
        this.clock = clock;
    }

    /** The participants of an event; for a PARTNER (events of its agency only) names without the register's id. */
    @PreAuthorize(TrainingRoles.READERS)
    @Transactional(readOnly = true)
    public List<Participant> participants(long eventId) {
        PartnerScope ps = partners.currentScope();
        if (ps.partner()) {
            return events.get(eventId).isEmpty() ? List.of() : participants.ofEvent(eventId, false);
        }
        return participants.ofEvent(eventId, true);
    }

    /**
     * A person's trainings, newest first: the beneficiary detail page's training history (the
     * {@code history} package adds results and certificates).
     */
    @PreAuthorize(TrainingRoles.STAFF)
    @Transactional(readOnly = true)
    public List<Participation> participations(long beneficiaryId) {
        return participants.ofBeneficiary(beneficiaryId).stream()
                .flatMap(p -> events.get(p.eventId()).map(e -> new Participation(e, p)).stream()).toList();
    }

    /**
     * Writes an event's participants as XLSX under the caller's {@code sheet} (its name and the
     * headers name, status, reason): name, status (in {@code statusLabels}) and the reason of a
     * withdrawal; audited as an export.
     */
    @PreAuthorize(TrainingRoles.STAFF)
    public int exportParticipants(long eventId, XlsxSheet sheet, Map<ParticipantStatus, String> statusLabels, OutputStream out) {
        TrainingEvent e = staffEvent(eventId);
        List<Participant> all = participants.ofEvent(eventId, true);
        try (XlsxExport x = new XlsxExport(out, sheet)) {
            for (Participant p : all) {
                x.row(p.fullName(), statusLabels.getOrDefault(p.status(), p.status().name()), p.withdrawReason());
            }
        }
        audit.record(AuditEvent.of(TrainingAction.TRAINING_PARTICIPANTS_EXPORTED).entity(TrainingEntity.TRAINING_EVENT, eventId)
                .district(e.kabkotaCode()).after(Map.of("rows", all.size())));
        return all.size();
    }

    /** One participant (staff). */
    @PreAuthorize(TrainingRoles.READERS)
    @Transactional(readOnly = true)
    public Optional<Participant> participant(long participantId) {
        return partners.currentScope().partner() ? Optional.empty() : participants.find(participantId);
    }

    /**
     * Enrols people from the register, one or many at once. Each must be a verified (or already
     * active) beneficiary of the event's kabupaten/kota and in no other event whose dates overlap;
     * otherwise nobody is enrolled. Enrolment makes them "active in programme" in the register.
     */
    @PreAuthorize(TrainingRoles.EDITORS)
    @Transactional(isolation = Isolation.READ_COMMITTED)
    public List<Participant> enrol(long eventId, List<Long> beneficiaryIds) {
        TrainingEvent e = events.lockForEnrolment(eventId); // concurrent enrolments count one after another
        if (!e.status().enrolling()) {
            throw new RuleViolation(null, "training.enrol.notOpen");
        }
        Set<Long> ids = new LinkedHashSet<>(beneficiaryIds);
        if (ids.isEmpty()) {
            throw new RuleViolation(null, "training.enrol.nobody");
        }
        Map<Long, Participant> existing = participants.existing(eventId, ids);
        List<String> already = existing.values().stream().filter(p -> p.status() == ParticipantStatus.ENROLLED)
                .map(Participant::fullName).toList();
        if (!already.isEmpty()) {
            throw new RuleViolation(null, "training.enrol.already", String.join(", ", already));
        }
        if (e.enrolled() + ids.size() > e.quota()) {
            throw new RuleViolation(null, "training.enrol.quota", e.quota(), e.quota() - e.enrolled());
        }
        List<String> overlapping = participants.overlapping(eventId, ids, e.startDate(), e.endDate());
        if (!overlapping.isEmpty()) {
            throw new RuleViolation(null, "training.enrol.overlap", String.join(", ", overlapping));
        }
        Map<Long, BeneficiaryDetail> people = register.enterProgramme(ids, e.kabkotaCode(),
                "Peserta pelatihan #" + eventId + ": " + e.publicTitle());
        String by = CurrentUser.require().getUsername();
        LocalDateTime at = LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
        for (Long id : ids) {
            Participant before = existing.get(id);
            if (before != null) { // withdrew earlier, enrolled again
                if (!participants.setStatus(before, e.kabkotaCode(), ParticipantStatus.ENROLLED, null, before.version())) {
                    throw RuleViolation.concurrentChange();
                }
            } else {
                participants.insert(e, id, people.get(id).fullName(), by, at);
            }
        }
        audit.record(AuditEvent.of(TrainingAction.TRAINING_PARTICIPANTS_ENROLLED).entity(TrainingEntity.TRAINING_EVENT, eventId)
                .district(e.kabkotaCode()).after(Map.of("beneficiaries", List.copyOf(ids))));
        return participants.ofEvent(eventId, true);
    }

    /** Withdraws a participant with a reason (before the event is closed). */
    @PreAuthorize(TrainingRoles.EDITORS)
    public void withdraw(long participantId, String reason, int version) {
        Participant p = participants.find(participantId).orElseThrow(() -> new RuleViolation(null, "error.notFound"));
        TrainingEvent e = staffEvent(p.eventId());
        if (!e.status().enrolling()) {
            throw new RuleViolation(null, "training.enrol.notOpen");
        }
        if (p.status() != ParticipantStatus.ENROLLED) {
            throw new RuleViolation(null, "training.withdraw.notEnrolled");
        }
        if (reason == null || reason.trim().length() < 5) {
            throw new RuleViolation("reason", "training.withdraw.reasonRequired");
        }
        if (!participants.setStatus(p, e.kabkotaCode(), ParticipantStatus.WITHDRAWN, reason.trim(), version)) {
            throw RuleViolation.concurrentChange();
        }
        audit.record(AuditEvent.of(TrainingAction.TRAINING_PARTICIPANT_WITHDRAWN)
                .entity(TrainingEntity.TRAINING_PARTICIPANT, participantId).district(e.kabkotaCode())
                .before(Map.of("status", ParticipantStatus.ENROLLED))
                .after(Map.of("status", ParticipantStatus.WITHDRAWN, "reason", reason.trim())));
    }

    /** A visible event for a staff act; a PARTNER user has none. */
    private TrainingEvent staffEvent(long id) {
        if (partners.currentScope().partner()) {
            throw new RuleViolation(null, "error.notFound");
        }
        return events.get(id).orElseThrow(() -> new RuleViolation(null, "error.notFound"));
    }
}
