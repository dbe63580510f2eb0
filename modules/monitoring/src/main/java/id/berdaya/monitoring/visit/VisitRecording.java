package id.berdaya.monitoring.visit;

import id.berdaya.core.RuleViolation;
import id.berdaya.core.file.Photos;
import id.berdaya.core.audit.AuditEvent;
import id.berdaya.core.audit.AuditLog;
import id.berdaya.core.figures.Figure;
import id.berdaya.core.format.IndonesianFormat;
import id.berdaya.core.security.CurrentUser;
import id.berdaya.monitoring.MonitoringAction;
import id.berdaya.monitoring.MonitoringEntity;
import id.berdaya.monitoring.ledger.LedgerService;
import id.berdaya.monitoring.outcome.OutcomeService;
import id.berdaya.monitoring.reintegration.ReintegrationService;
import id.berdaya.monitoring.schedule.ScheduleService;
import id.berdaya.monitoring.tally.TallyService;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A visit recorded, behind {@link VisitService#record}: the form's rules and the ledger's checks
 * (every problem at once, nothing written if any), then the visit, its photos, the ledger's
 * movements, the risk flags found, the scorecard counts and, at 12 months, the outcome, in one
 * transaction.
 */
@Component
class VisitRecording {

    static final int MAX_PHOTOS = VisitService.MAX_PHOTOS;
    static final int MAX_PHOTO_BYTES = VisitService.MAX_PHOTO_BYTES;

    private final VisitRepository visits;
    private final CaseRepository cases;
    private final PhotoRepository photos;
    private final LedgerService ledger;
    private final ReintegrationService reintegration;
    private final OutcomeService outcomes;
    private final TallyService tally;
    private final AuditLog audit;
    private final Clock clock;

    VisitRecording(VisitRepository visits, CaseRepository cases, PhotoRepository photos, LedgerService ledger,
                   ReintegrationService reintegration, OutcomeService outcomes, TallyService tally, AuditLog audit, Clock clock) {
        this.visits = visits;
        this.cases = cases;
        this.photos = photos;
        this.ledger = ledger;
        this.reintegration = reintegration;
        this.outcomes = outcomes;
        this.tally = tally;
        this.audit = audit;
        this.clock = clock;
    }

    Visit record(Visit v, VisitReport r) {
        FollowUp f = cases.find(v.caseId()).orElseThrow(() -> new RuleViolation(null, "error.notFound"));
        if (v.done()) {
            throw new RuleViolation(null, "monitoring.visit.alreadyDone");
        }
        List<RuleViolation.Problem> problems = new ArrayList<>();
        LocalDate today = LocalDate.now(clock.withZone(IndonesianFormat.WIB));
        check(r, f, today, problems);
        List<Photos.Clean> clean = new ArrayList<>();
        List<byte[]> given = r.photos() == null ? List.of() : r.photos();
        if (given.size() > MAX_PHOTOS) {
            problems.add(new RuleViolation.Problem("photos", "monitoring.photo.tooMany", MAX_PHOTOS));
        } else {
            for (byte[] p : given) {
                try {
                    clean.add(Photos.clean(p, MAX_PHOTO_BYTES, "photos"));
                } catch (RuleViolation e) {
                    problems.addAll(e.problems());
                }
            }
        }
        if (r.personMet() && r.assets() != null) {
            try {
                ledger.apply(f.id(), f.kabkotaCode(), v.id(), r.visitedOn() == null ? today : r.visitedOn(), r.assets());
            } catch (RuleViolation e) {
                problems.addAll(e.problems());
            }
        }
        if (!problems.isEmpty()) {
            throw new RuleViolation(problems); // rolls back the ledger's movements as well
        }
        String by = CurrentUser.require().getUsername();
        LocalDateTime at = LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
        if (!visits.record(v, r, by, at)) {
            throw RuleViolation.concurrentChange();
        }
        for (Photos.Clean c : clean) {
            photos.insert(v.id(), f.kabkotaCode(), c.contentType(), c.content(), by, at);
        }
        Set<id.berdaya.monitoring.reintegration.FlagKind> flags = r.flags() == null ? Set.of() : r.flags();
        if (r.personMet() && !flags.isEmpty()) {
            reintegration.raise(f, v.id(), flags, r.flagNote(), r.visitedOn());
        }
        count(f, v, r);
        if (v.monthOffset() == ScheduleService.OUTCOME_MONTH && r.personMet()) {
            outcomes.decide(f, r.business().runs(), r.visitedOn());
        }
        audit.record(AuditEvent.of(MonitoringAction.MONITORING_VISIT_RECORDED).entity(MonitoringEntity.MONITORING_VISIT, v.id())
                .district(f.kabkotaCode()).after(Map.of("case", f.id(), "visitedOn", r.visitedOn().toString(),
                        "met", r.personMet(), "business", r.business() == null ? "" : r.business().name(),
                        "photos", clean.size())));
        return visits.find(v.id()).orElseThrow();
    }

    private static void check(VisitReport r, FollowUp f, LocalDate today, List<RuleViolation.Problem> problems) {
        if (r.visitedOn() == null) {
            problems.add(new RuleViolation.Problem("visitedOn", "monitoring.visit.dateRequired"));
        } else if (r.visitedOn().isAfter(today) || r.visitedOn().isBefore(f.handedOn())) {
            problems.add(new RuleViolation.Problem("visitedOn", "monitoring.visit.dateRange"));
        }
        if (!r.personMet()) {
            if (blank(r.notMetReason())) {
                problems.add(new RuleViolation.Problem("notMetReason", "monitoring.visit.notMetReasonRequired"));
            }
            return;
        }
        if (r.business() == null) {
            problems.add(new RuleViolation.Problem("business", "monitoring.visit.businessRequired"));
        } else if (r.business() != Visit.Business.RUNNING && blank(r.businessReason())) {
            problems.add(new RuleViolation.Problem("businessReason", "monitoring.visit.businessReasonRequired"));
        }
        if (r.turnover() != null && r.turnover() < 0) {
            problems.add(new RuleViolation.Problem("turnover", "monitoring.visit.moneyNegative"));
        }
        if (r.flags() != null && !r.flags().isEmpty() && blank(r.flagNote())) {
            problems.add(new RuleViolation.Problem("flagNote", "monitoring.visit.flagNoteRequired"));
        }
        tooLong(problems, "notes", r.notes(), 2000);
        tooLong(problems, "needs", r.needs(), 1000);
        tooLong(problems, "referrals", r.referrals(), 500);
        tooLong(problems, "businessReason", r.businessReason(), 300);
        tooLong(problems, "flagNote", r.flagNote(), 1000);
    }

    private static void tooLong(List<RuleViolation.Problem> problems, String field, String value, int max) {
        if (value != null && value.trim().length() > max) {
            problems.add(new RuleViolation.Problem(field, "monitoring.visit.tooLong", max));
        }
    }

    /** The scorecard counts, in this transaction. */
    private void count(FollowUp f, Visit v, VisitReport r) {
        tally.add(f.kabkotaCode(), f.kecamatanCode(), Figure.VISITS_DONE, 1);
        boolean runs = r.personMet() && r.business().runs();
        if (v.monthOffset() == 6 && r.personMet()) {
            tally.add(f.kabkotaCode(), f.kecamatanCode(), Figure.VISITED_6M, 1);
            if (runs) {
                tally.add(f.kabkotaCode(), f.kecamatanCode(), Figure.RUNNING_6M, 1);
            }
        }
        if (v.monthOffset() == 12 && r.personMet()) {
            tally.add(f.kabkotaCode(), f.kecamatanCode(), Figure.VISITED_12M, 1);
            if (runs) {
                tally.add(f.kabkotaCode(), f.kecamatanCode(), Figure.RUNNING_12M, 1);
            }
        }
        if ((v.monthOffset() == 6 || v.monthOffset() == 12) && r.personMet()) {
            tally.addCohort(f.kabkotaCode(), f.kecamatanCode(), f.handedOn(), v.monthOffset(), runs);
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
