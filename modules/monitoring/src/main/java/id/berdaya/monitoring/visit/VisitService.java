package id.berdaya.monitoring.visit;

import id.berdaya.core.RuleViolation;
import id.berdaya.core.audit.AuditEvent;
import id.berdaya.core.audit.AuditLog;
import id.berdaya.core.export.XlsxExport;
import id.berdaya.core.export.XlsxSheet;
import id.berdaya.core.file.Photos;
import id.berdaya.core.format.IndonesianFormat;
import id.berdaya.core.security.BerdayaUser;
import id.berdaya.core.security.CurrentUser;
import id.berdaya.core.security.Guards;
import id.berdaya.core.security.Role;
import id.berdaya.monitoring.MonitoringAction;
import id.berdaya.monitoring.MonitoringEntity;
import id.berdaya.monitoring.MonitoringRoles;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.io.OutputStream;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Monitoring visits: the worklist (a field officer's own visits; the district's for the district
 * head), a visit and its history, recording it ({@link VisitRecording}), moving its due date with a
 * reason and reassigning it ({@link VisitPlanning}), its photos, the export, and the alerts' lists. The follow-ups themselves
 * are built at the handover ({@link Scheduling}) and withdrawn when it is voided ({@link Withdrawal});
 * the counts and charts are {@code trend.TrendService}'s.
 */
@Service
@Transactional
public class VisitService {

    /** The most visits per worklist section. */
    public static final int WORKLIST_LIMIT = 300;
    /** The most photos of a visit. */
    public static final int MAX_PHOTOS = 3;
    /** The largest photo file accepted. */
    public static final int MAX_PHOTO_BYTES = 10 * 1024 * 1024;

    /** What the current user may do with a visit ({@link #allowedActions}). */
    public enum Action {
        /** {@link #record}: the assigned field officer (or any, while unassigned) or the district head, while not done. */
        RECORD,
        /** {@link #reschedule}: the assigned field officer or the district head, while not done. */
        RESCHEDULE,
        /** {@link #reassign}: the district head, while not done. */
        REASSIGN
    }

    /** What the current user may do on the worklist ({@link #worklistCapabilities}). */
    public enum WorklistCapability {
        /** Choose the kabupaten/kota (provincial roles). */
        CHOOSE_DISTRICT,
        /** See the district's visits and filter the unassigned ones (all but field officers, who see their own). */
        SEE_DISTRICT,
        /** {@link #reassign}. */
        REASSIGN
    }

    private final VisitRepository visits;
    private final CaseRepository cases;
    private final PhotoRepository photos;
    private final VisitRecording recording;
    private final VisitPlanning planning;
    private final AuditLog audit;
    private final Clock clock;

    VisitService(VisitRepository visits, CaseRepository cases, PhotoRepository photos, VisitRecording recording,
                 VisitPlanning planning, AuditLog audit, Clock clock) {
        this.visits = visits;
        this.cases = cases;
        this.photos = photos;
        this.recording = recording;
        this.planning = planning;
        this.audit = audit;
        this.clock = clock;
    }

    /** Today in Jawa Tengah. */
    @PreAuthorize(MonitoringRoles.FIGURE_READERS)
    public LocalDate today() {
        return LocalDate.now(clock.withZone(IndonesianFormat.WIB));
    }

    /** The worklist: a field officer's own visits; the district head's and provincial roles' by the filter. */
    @PreAuthorize(MonitoringRoles.READERS)
    @Transactional(readOnly = true)
    public Worklist worklist(Worklist.Filter filter) {
        BerdayaUser me = CurrentUser.require();
        Long officer = me.role() == Role.FIELD_OFFICER ? me.id() : null;
        Worklist.Filter f = filter == null ? Worklist.Filter.all() : filter;
        LocalDate today = today();
        LocalDate week = today.plusDays(8);
        return new Worklist(visits.open(officer, f, null, today, WORKLIST_LIMIT), visits.open(officer, f, today, week, WORKLIST_LIMIT),
                visits.open(officer, f, week, today.plusDays(61), WORKLIST_LIMIT));
    }

    /** What the current user may do on the worklist: the rules {@link #worklist} and {@link #reassign} apply. */
    @PreAuthorize(MonitoringRoles.READERS)
    public Set<WorklistCapability> worklistCapabilities() {
        BerdayaUser me = CurrentUser.require();
        Set<WorklistCapability> may = EnumSet.noneOf(WorklistCapability.class);
        if (!me.role().isDistrictLevel()) {
            may.add(WorklistCapability.CHOOSE_DISTRICT);
        }
        if (me.role() != Role.FIELD_OFFICER) {
            may.add(WorklistCapability.SEE_DISTRICT);
        }
        if (Guards.allows(MonitoringRoles.ASSIGNERS)) {
            may.add(WorklistCapability.REASSIGN);
        }
        return may;
    }

    /** A visible visit; another district's is "not found" (audited as a denial). */
    @PreAuthorize(MonitoringRoles.READERS)
    @Transactional(readOnly = true)
    public Optional<Visit> get(long id) {
        return visits.find(id);
    }

    /** A visible follow-up. */
    @PreAuthorize(MonitoringRoles.READERS)
    @Transactional(readOnly = true)
    public Optional<FollowUp> followUp(long caseId) {
        return cases.find(caseId);
    }

    /** The visible follow-ups of a person (one per handover) and their visits, by due date. */
    @PreAuthorize(MonitoringRoles.READERS)
    @Transactional(readOnly = true)
    public List<Visit> ofBeneficiaries(Collection<Long> beneficiaryIds) {
        if (beneficiaryIds.isEmpty()) {
            return List.of();
        }
        List<Long> ids = cases.ofBeneficiaries(beneficiaryIds).stream().map(FollowUp::id).toList();
        return ids.isEmpty() ? List.of() : visits.ofCases(ids);
    }

    /** Whether the current user is the field officer of any visit of this follow-up (who may read its flags). */
    @PreAuthorize(MonitoringRoles.READERS)
    @Transactional(readOnly = true)
    public boolean isAssigned(long caseId) {
        return visits.assigned(caseId, CurrentUser.require().id());
    }

    /** What the current user may do with this visit: the same rules the methods check. */
    @PreAuthorize(MonitoringRoles.READERS)
    @Transactional(propagation = Propagation.SUPPORTS, readOnly = true)
    public Set<Action> allowedActions(Visit v) {
        Set<Action> may = EnumSet.noneOf(Action.class);
        if (v.done()) {
            return may;
        }
        if (Guards.allows(MonitoringRoles.VISITORS) && mayRecord(v)) {
            may.add(Action.RECORD);
        }
        if (Guards.allows(MonitoringRoles.PLANNERS) && ownsOrHeads(v)) {
            may.add(Action.RESCHEDULE);
        }
        if (Guards.allows(MonitoringRoles.ASSIGNERS)) {
            may.add(Action.REASSIGN);
        }
        return may;
    }

    private static boolean mayRecord(Visit v) {
        BerdayaUser me = CurrentUser.require();
        return me.role() != Role.FIELD_OFFICER || v.officerId() == null || v.officerId() == me.id();
    }

    private static boolean ownsOrHeads(Visit v) {
        BerdayaUser me = CurrentUser.require();
        return me.role() != Role.FIELD_OFFICER || v.officerId() != null && v.officerId() == me.id();
    }

    /**
     * Checks one photo as {@link #record} will (JPEG or PNG by content, decodable, at most
     * {@link #MAX_PHOTO_BYTES}), so the form can refuse it at once; nothing is stored.
     */
    @PreAuthorize(MonitoringRoles.VISITORS)
    @Transactional(propagation = Propagation.SUPPORTS, readOnly = true)
    public void checkPhoto(byte[] content) {
        Photos.clean(content, MAX_PHOTO_BYTES, "photos");
    }

    /**
     * Records a visible visit (once): see {@link VisitReport}. Every problem is refused at once, the
     * ledger's naming the item and the counts; the form keeps what was typed.
     */
    @PreAuthorize(MonitoringRoles.VISITORS)
    public Visit record(long id, VisitReport report) {
        Visit v = visits.lock(id).orElseThrow(() -> new RuleViolation(null, "error.notFound"));
        if (!mayRecord(v)) {
            throw new RuleViolation(null, "monitoring.visit.notYours");
        }
        if (v.version() != report.version()) {
            throw RuleViolation.concurrentChange();
        }
        return recording.record(v, report);
    }

    /** Moves an open visit's due date, for a reason (kept in its history and audited). */
    @PreAuthorize(MonitoringRoles.PLANNERS)
    public Visit reschedule(long id, LocalDate dueOn, String reason, int version) {
        Visit v = visits.lock(id).orElseThrow(() -> new RuleViolation(null, "error.notFound"));
        if (!ownsOrHeads(v)) {
            throw new RuleViolation(null, "monitoring.visit.notYours");
        }
        return planning.reschedule(v, dueOn, reason, version, today());
    }

    /** Gives an open visit to another field officer of its district (or none), audited with the history kept. */
    @PreAuthorize(MonitoringRoles.ASSIGNERS)
    public Visit reassign(long id, Long officerId, int version) {
        Visit v = visits.lock(id).orElseThrow(() -> new RuleViolation(null, "error.notFound"));
        return planning.reassign(v, officerId, version);
    }

    /** A visible visit's history of due dates and officers. */
    @PreAuthorize(MonitoringRoles.READERS)
    @Transactional(readOnly = true)
    public List<VisitChange> changes(long id) {
        visits.find(id).orElseThrow(() -> new RuleViolation(null, "error.notFound"));
        return planning.history(id);
    }

    /** The photos' ids of a visible visit. */
    @PreAuthorize(MonitoringRoles.READERS)
    @Transactional(readOnly = true)
    public List<Long> photos(long visitId) {
        return photos.ofVisit(visitId);
    }

    /** A visible photo (re-encoded, without metadata). */
    @PreAuthorize(MonitoringRoles.READERS)
    @Transactional(readOnly = true)
    public Optional<VisitPhoto> photo(long photoId) {
        return photos.find(photoId);
    }

    /** Writes the worklist of the filter as XLSX (no flags, no NIK) and audits the export. */
    @PreAuthorize(MonitoringRoles.READERS)
    public int export(Worklist.Filter filter, XlsxSheet sheet, OutputStream out) {
        Worklist w = worklist(filter);
        LocalDate today = today();
        int rows = 0;
        try (XlsxExport xlsx = new XlsxExport(out, sheet)) {
            for (Visit v : w.all()) {
                xlsx.row(v.beneficiaryName(), v.kabkotaCode(), v.kecamatanCode(), v.monthOffset(), IndonesianFormat.date(v.dueOn()),
                        v.state(today).name(), v.daysLate(today), v.officerId() == null ? "" : String.valueOf(v.officerId()));
                rows++;
            }
        }
        audit.record(AuditEvent.of(MonitoringAction.MONITORING_VISITS_EXPORTED).entity(MonitoringEntity.MONITORING_VISIT, null)
                .after(Map.of("rows", rows)));
        return rows;
    }

    // ---- the alerts' lists (the counts are trend.TrendService's)

    /** Open visits due before {@code before}, oldest first (the alerts), of one kabupaten/kota within scope. */
    @PreAuthorize(MonitoringRoles.ALERT_READERS)
    @Transactional(readOnly = true)
    public List<Visit> overdueBefore(String kabkotaCode, LocalDate before, int limit) {
        return visits.open(null, new Worklist.Filter(kabkotaCode, null, false), null, before, limit);
    }

    /** Visits since {@code since} that found the business stopped, newest first (the alerts). */
    @PreAuthorize(MonitoringRoles.ALERT_READERS)
    @Transactional(readOnly = true)
    public List<Visit> stoppedSince(String kabkotaCode, LocalDate since, int limit) {
        return visits.stoppedSince(kabkotaCode, since, limit);
    }

    /** The visible follow-ups among these ids (names for the alerts). */
    @PreAuthorize(MonitoringRoles.READERS)
    @Transactional(readOnly = true)
    public List<FollowUp> followUps(Collection<Long> caseIds) {
        return caseIds.isEmpty() ? List.of() : cases.byIds(caseIds);
    }
}
