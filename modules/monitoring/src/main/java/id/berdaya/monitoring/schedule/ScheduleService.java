package id.berdaya.monitoring.schedule;

import id.berdaya.core.RuleViolation;
import id.berdaya.core.audit.AuditEvent;
import id.berdaya.core.audit.AuditLog;
import id.berdaya.core.region.Kecamatan;
import id.berdaya.core.region.RegionService;
import id.berdaya.core.security.CurrentUser;
import id.berdaya.core.security.Guards;
import id.berdaya.core.security.Role;
import id.berdaya.core.user.Colleague;
import id.berdaya.core.user.UserService;
import id.berdaya.monitoring.MonitoringAction;
import id.berdaya.monitoring.MonitoringEntity;
import id.berdaya.monitoring.MonitoringRoles;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The shape of the follow-up: after how many months a handover's visits fall due (per budget
 * year, 1, 3, 6 and 12 by default; set by the province administrator, audited), and which field
 * officer covers which kecamatan of a kabupaten/kota (kept by the district head, audited). A
 * visit goes to the officer covering the person's kecamatan, else it stays unassigned.
 */
@Service
@Transactional
public class ScheduleService {

    /** The offsets of a year nobody set: 1, 3, 6 and 12 months. */
    public static final List<Integer> DEFAULT_OFFSETS = List.of(1, 3, 6, 12);
    /** The month of the outcome: every schedule ends with it. */
    public static final int OUTCOME_MONTH = 12;

    private final OffsetRepository offsets;
    private final OfficerAreaRepository areas;
    private final RegionService regions;
    private final UserService users;
    private final AuditLog audit;
    private final Clock clock;

    ScheduleService(OffsetRepository offsets, OfficerAreaRepository areas, RegionService regions, UserService users,
                    AuditLog audit, Clock clock) {
        this.offsets = offsets;
        this.areas = areas;
        this.regions = regions;
        this.users = users;
        this.audit = audit;
        this.clock = clock;
    }

    /** The visit offsets (months after the handover) of a budget year, ascending. */
    @PreAuthorize(MonitoringRoles.READERS)
    @Transactional(readOnly = true)
    public List<Integer> offsets(int budgetYear) {
        return offsets.find(budgetYear).map(ScheduleService::parse).orElse(DEFAULT_OFFSETS);
    }

    /**
     * Sets the visit offsets of a budget year: one to eight distinct months from 1 to 24, ending
     * with the 12-month visit (the outcome's). Handovers recorded afterwards follow them.
     */
    @PreAuthorize(MonitoringRoles.SCHEDULE_ADMINS)
    public List<Integer> setOffsets(int budgetYear, List<Integer> months) {
        List<Integer> sorted = months == null ? List.of() : months.stream().distinct().sorted().toList();
        if (sorted.isEmpty() || sorted.size() > 8 || sorted.getFirst() < 1 || sorted.getLast() > 24
                || !sorted.contains(OUTCOME_MONTH)) {
            throw new RuleViolation("offsets", "monitoring.offsets.invalid");
        }
        List<Integer> before = offsets(budgetYear);
        offsets.save(budgetYear, sorted.stream().map(String::valueOf).collect(Collectors.joining(",")),
                CurrentUser.require().getUsername(), now());
        audit.record(AuditEvent.of(MonitoringAction.MONITORING_OFFSETS_SET).entity(MonitoringEntity.MONITORING_SCHEDULE, budgetYear)
                .before(Map.of("offsets", before.toString())).after(Map.of("offsets", sorted.toString())));
        return sorted;
    }

    /** Whether the current user may set the offsets. */
    @PreAuthorize(MonitoringRoles.READERS)
    public boolean maySetOffsets() {
        return Guards.allows(MonitoringRoles.SCHEDULE_ADMINS);
    }

    /** Whether the current user may keep the officers' kecamatan and reassign visits. */
    @PreAuthorize(MonitoringRoles.READERS)
    public boolean mayAssign() {
        return Guards.allows(MonitoringRoles.ASSIGNERS);
    }

    /** The field officers of a kabupaten/kota (a district user: only their own). */
    @PreAuthorize(MonitoringRoles.READERS)
    @Transactional(readOnly = true)
    public List<Colleague> fieldOfficers(String kabkotaCode) {
        return users.colleagues(Role.FIELD_OFFICER, kabkotaCode);
    }

    /** Every kecamatan of a visible kabupaten/kota with the officer who covers it. */
    @PreAuthorize(MonitoringRoles.READERS)
    @Transactional(readOnly = true)
    public List<OfficerArea> areas(String kabkotaCode) {
        Map<String, Long> covered = areas.ofKabkota(kabkotaCode);
        Map<Long, String> names = new HashMap<>();
        fieldOfficers(kabkotaCode).forEach(c -> names.put(c.id(), c.fullName()));
        return regions.kecamatan(kabkotaCode).stream().map(k -> new OfficerArea(k.code(), k.name(), covered.get(k.code()),
                covered.containsKey(k.code()) ? names.getOrDefault(covered.get(k.code()), "#" + covered.get(k.code())) : null)).toList();
    }

    /** The current district user's kecamatan with their officers (empty for provincial roles). */
    @PreAuthorize(MonitoringRoles.READERS)
    @Transactional(readOnly = true)
    public List<OfficerArea> ownAreas() {
        String kabkota = CurrentUser.require().kabkotaCode();
        return kabkota == null ? List.of() : areas(kabkota);
    }

    /**
     * Makes a field officer of the district cover a kecamatan (null: nobody). Visits already
     * scheduled keep their officer; the district head reassigns them.
     */
    @PreAuthorize(MonitoringRoles.ASSIGNERS)
    public void assignArea(String kecamatanCode, Long officerId) {
        String kabkota = kabkotaOf(kecamatanCode);
        if (officerId != null && fieldOfficers(kabkota).stream().noneMatch(c -> c.id() == officerId)) {
            throw new RuleViolation("officer", "monitoring.officer.notFieldOfficer");
        }
        Long before = areas.assign(kabkota, kecamatanCode, officerId, CurrentUser.require().getUsername(), now());
        audit.record(AuditEvent.of(MonitoringAction.MONITORING_AREA_ASSIGNED).entity(MonitoringEntity.MONITORING_OFFICER_AREA, kecamatanCode)
                .district(kabkota).before(Map.of("officer", before == null ? "" : before))
                .after(Map.of("officer", officerId == null ? "" : officerId)));
    }

    /** The field officer covering a kecamatan (within the user's scope), if any. */
    @PreAuthorize(MonitoringRoles.READERS)
    @Transactional(readOnly = true)
    public Optional<Long> officerFor(String kecamatanCode) {
        return areas.officerOf(kecamatanCode);
    }

    /** Whether this account is a field officer of the kabupaten/kota (a visit may go to them). */
    @PreAuthorize(MonitoringRoles.READERS)
    @Transactional(readOnly = true)
    public boolean isFieldOfficerOf(long userId, String kabkotaCode) {
        return fieldOfficers(kabkotaCode).stream().anyMatch(c -> c.id() == userId);
    }

    private String kabkotaOf(String kecamatanCode) {
        String kabkota = kecamatanCode == null || kecamatanCode.length() < 5 ? null : kecamatanCode.substring(0, 5);
        if (kabkota == null || regions.kecamatan(kabkota).stream().map(Kecamatan::code).noneMatch(kecamatanCode::equals)) {
            throw new RuleViolation("kecamatan", "error.notFound");
        }
        return kabkota;
    }

    private static List<Integer> parse(String s) {
        return Arrays.stream(s.split(",")).map(String::trim).map(Integer::valueOf).toList();
    }

    private LocalDateTime now() {
        return LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
    }
}
