package id.berdaya.monitoring.reintegration;

import id.berdaya.core.RuleViolation;
import id.berdaya.core.audit.AuditEvent;
import id.berdaya.core.audit.AuditLog;
import id.berdaya.core.audit.CoreAction;
import id.berdaya.core.audit.CoreEntity;
import id.berdaya.core.figures.Figure;
import id.berdaya.core.format.IndonesianFormat;
import id.berdaya.core.security.BerdayaUser;
import id.berdaya.core.security.CurrentUser;
import id.berdaya.core.security.Guards;
import id.berdaya.core.security.Role;
import id.berdaya.monitoring.MonitoringAction;
import id.berdaya.monitoring.MonitoringEntity;
import id.berdaya.monitoring.MonitoringRoles;
import id.berdaya.monitoring.tally.TallyService;
import id.berdaya.monitoring.visit.FollowUp;
import id.berdaya.monitoring.visit.VisitService;
import org.springframework.context.annotation.Lazy;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reintegration risk flags (back to the former activity, reoffending, substance use, other):
 * specific personal data. Only the district head, provincial officers and the field officer
 * assigned to the person read them, and every reading is audited; everyone else, and every list,
 * gets counts only. A flag stays open until the district head or a provincial officer closes it
 * with a note.
 */
@Service
@Transactional
public class ReintegrationService {

    private final FlagRepository flags;
    private final VisitService visits;
    private final TallyService tally;
    private final AuditLog audit;
    private final Clock clock;

    ReintegrationService(FlagRepository flags, @Lazy VisitService visits, TallyService tally, AuditLog audit, Clock clock) {
        this.flags = flags;
        this.visits = visits;
        this.tally = tally;
        this.audit = audit;
        this.clock = clock;
    }

    /** Raises the flags a visit found, in the visit's transaction (each audited, without its kind). */
    @PreAuthorize(MonitoringRoles.VISITORS)
    @Transactional(propagation = Propagation.MANDATORY)
    public void raise(FollowUp f, long visitId, Set<FlagKind> kinds, String note, LocalDate on) {
        String by = CurrentUser.require().getUsername();
        for (FlagKind k : kinds) {
            long id = flags.insert(f.id(), visitId, f.kabkotaCode(), f.kecamatanCode(), k,
                    note == null || note.isBlank() ? null : note.trim(), on, by);
            tally.add(f.kabkotaCode(), f.kecamatanCode(), Figure.OPEN_FLAGS, 1);
            audit.record(AuditEvent.of(MonitoringAction.MONITORING_FLAG_RAISED).entity(MonitoringEntity.MONITORING_FLAG, id)
                    .district(f.kabkotaCode()).after(Map.of("case", f.id(), "visit", visitId)));
        }
    }

    /** Whether the current user may read the flags of this visible follow-up (the detail page asks before it shows them). */
    @PreAuthorize(MonitoringRoles.READERS)
    @Transactional(readOnly = true)
    public boolean mayReadFlags(long caseId) {
        BerdayaUser me = CurrentUser.require();
        if (!Guards.allows(MonitoringRoles.FLAG_READERS)) {
            return false;
        }
        return me.role() != Role.FIELD_OFFICER || visits.isAssigned(caseId);
    }

    /** Whether the current user may close flags. */
    @PreAuthorize(MonitoringRoles.READERS)
    public boolean mayCloseFlags() {
        return Guards.allows(MonitoringRoles.FLAG_CLOSERS);
    }

    /**
     * The flags of a visible follow-up, for those who may read them; each reading is audited. A
     * field officer not assigned to the person is refused (and the refusal audited).
     */
    @PreAuthorize(MonitoringRoles.FLAG_READERS)
    public List<Flag> flags(long caseId) {
        FollowUp f = visits.followUp(caseId).orElseThrow(() -> new RuleViolation(null, "error.notFound"));
        if (!mayReadFlags(caseId)) {
            audit.recordDenial(AuditEvent.of(CoreAction.ACCESS_DENIED).entity(CoreEntity.METHOD, "ReintegrationService.flags")
                    .subjectDistrict(f.kabkotaCode()).after(Map.of("case", caseId)));
            throw new AccessDeniedException("not assigned to this person");
        }
        List<Flag> list = flags.ofCase(caseId);
        audit.record(AuditEvent.of(MonitoringAction.MONITORING_FLAGS_VIEWED).entity(MonitoringEntity.MONITORING_CASE, caseId)
                .district(f.kabkotaCode()).after(Map.of("flags", list.size())));
        return list;
    }

    /** How many flags of a visible follow-up are open (a count: anyone who reads the visits). */
    @PreAuthorize(MonitoringRoles.READERS)
    @Transactional(readOnly = true)
    public int openCount(long caseId) {
        return flags.openCounts(List.of(caseId)).getOrDefault(caseId, 0);
    }

    /** Open flags per visible follow-up among {@code caseIds} (counts for lists). */
    @PreAuthorize(MonitoringRoles.READERS)
    @Transactional(readOnly = true)
    public Map<Long, Integer> openCounts(Collection<Long> caseIds) {
        return caseIds.isEmpty() ? Map.of() : flags.openCounts(caseIds);
    }

    /** Closes an open flag seen at {@code version}, with a note (audited). */
    @PreAuthorize(MonitoringRoles.FLAG_CLOSERS)
    public void close(long flagId, String note, int version) {
        if (note == null || note.trim().length() < 5) {
            throw new RuleViolation("note", "monitoring.flag.noteRequired");
        }
        FlagRepository.Located r = flags.find(flagId).orElseThrow(() -> new RuleViolation(null, "error.notFound"));
        if (r.closed()) {
            throw new RuleViolation(null, "monitoring.flag.closed");
        }
        if (!flags.close(r, LocalDate.now(clock.withZone(IndonesianFormat.WIB)), CurrentUser.require().getUsername(), note.trim(), version)) {
            throw RuleViolation.concurrentChange();
        }
        tally.add(r.kabkotaCode(), r.kecamatanCode(), Figure.OPEN_FLAGS, -1);
        audit.record(AuditEvent.of(MonitoringAction.MONITORING_FLAG_CLOSED).entity(MonitoringEntity.MONITORING_FLAG, flagId)
                .district(r.kabkotaCode()).after(Map.of("case", r.caseId())));
    }

    /** Per visible follow-up, the latest open flag raised since {@code since} (dates only, no kind), for the alerts. */
    @PreAuthorize(MonitoringRoles.ALERT_READERS)
    @Transactional(readOnly = true)
    public Map<Long, LocalDate> raisedSince(String kabkotaCode, LocalDate since, int limit) {
        return flags.raisedSince(kabkotaCode, since, limit);
    }

    /** Open flags raised since {@code since}, counted per visible kabupaten/kota (the province's alerts). */
    @PreAuthorize(MonitoringRoles.ALERT_READERS)
    @Transactional(readOnly = true)
    public Map<String, Integer> raisedSinceByKabkota(LocalDate since) {
        return flags.raisedSinceByKabkota(since);
    }
}
