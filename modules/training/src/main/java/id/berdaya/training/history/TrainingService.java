package id.berdaya.training.history;

import id.berdaya.core.security.Guards;
import id.berdaya.training.TrainingRoles;
import id.berdaya.training.attendance.AttendanceRecap;
import id.berdaya.training.attendance.AttendanceService;
import id.berdaya.training.attendance.CompletedTraining;
import id.berdaya.training.attendance.ParticipantResult;
import id.berdaya.training.certificate.Certificate;
import id.berdaya.training.certificate.CertificateService;
import id.berdaya.training.enrolment.EnrolmentService;
import id.berdaya.training.enrolment.Participant;
import id.berdaya.training.enrolment.ParticipantStatus;
import id.berdaya.training.enrolment.Participation;
import id.berdaya.training.event.EventStatus;
import id.berdaya.training.event.TrainingEvent;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;
import java.util.List;

/**
 * What the rest of the application asks the training module about a person, put together from
 * the feature packages' services: the grants module's question (has this person completed a
 * training, which one, and when?) and the training history that the beneficiary's detail page
 * shows. Within the asker's district scope: another district's person has no trainings.
 */
@Service
@Transactional(readOnly = true)
public class TrainingService {

    private final EnrolmentService enrolment;
    private final AttendanceService attendance;
    private final CertificateService certificates;

    TrainingService(EnrolmentService enrolment, AttendanceService attendance, CertificateService certificates) {
        this.enrolment = enrolment;
        this.attendance = attendance;
        this.certificates = certificates;
    }

    /**
     * The grants module's question: the trainings this person completed, newest first (empty if
     * none), each with its event, its participant and the day it was completed (the event's last day).
     */
    @PreAuthorize(TrainingRoles.STAFF)
    public List<CompletedTraining> completedTrainings(long beneficiaryId) {
        return attendance.completedTrainings(beneficiaryId);
    }

    /** Whether this person completed any training (the grants module's yes or no). */
    @PreAuthorize(TrainingRoles.STAFF)
    public boolean hasCompletedTraining(long beneficiaryId) {
        return !attendance.completedTrainings(beneficiaryId).isEmpty();
    }

    /** Whether the current user may read a person's training history: the detail page shows its panel from this. */
    @PreAuthorize("isAuthenticated()")
    public boolean mayReadHistory() {
        return Guards.allows(TrainingRoles.STAFF);
    }

    /** A person's trainings, newest first: events, attendance share, result and certificate. */
    @PreAuthorize(TrainingRoles.STAFF)
    public List<TrainingHistoryEntry> history(long beneficiaryId) {
        return enrolment.participations(beneficiaryId).stream().map(this::entry).toList();
    }

    private TrainingHistoryEntry entry(Participation x) {
        TrainingEvent e = x.event();
        Participant p = x.participant();
        ParticipantResult r = attendance.results(e.id()).get(p.id());
        BigDecimal share = r == null ? null : r.attendancePct();
        if (share == null && e.status() == EventStatus.RUNNING && p.status() == ParticipantStatus.ENROLLED) {
            share = attendance.recap(e.id()).rows().stream().filter(row -> row.participant().id() == p.id())
                    .map(AttendanceRecap.Row::attendedPct).findFirst().orElse(null);
        }
        Certificate certificate = certificates.ofParticipant(p.id()).stream().findFirst().orElse(null);
        return new TrainingHistoryEntry(e.id(), p.id(), e.publicTitle(), e.kabkotaCode(), e.startDate(), e.endDate(), e.status(),
                p.status(), share, r == null ? null : r.result(), r == null ? List.of() : r.reasons(), certificate);
    }
}
