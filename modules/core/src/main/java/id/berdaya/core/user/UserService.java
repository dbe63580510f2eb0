package id.berdaya.core.user;

import id.berdaya.core.RuleViolation;
import id.berdaya.core.audit.AuditEvent;
import id.berdaya.core.audit.CoreAction;
import id.berdaya.core.audit.CoreEntity;
import id.berdaya.core.audit.AuditLog;
import id.berdaya.core.export.XlsxExport;
import id.berdaya.core.export.XlsxSheet;
import id.berdaya.core.format.IndonesianFormat;
import id.berdaya.core.region.RegionService;
import id.berdaya.core.security.BerdayaUser;
import id.berdaya.core.security.CurrentUser;
import id.berdaya.core.security.PasswordPolicy;
import id.berdaya.core.security.Role;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.io.OutputStream;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/** User administration (province administrators) and each user's own account. */
@Service
@Transactional
public class UserService {

    static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._-]{2,63}");
    static final List<String> LOCALES = List.of("id", "en");
    private static final SecureRandom RANDOM = new SecureRandom();

    private final UserRepository users;
    private final PasswordEncoder encoder;
    private final AuditLog audit;
    private final RegionService regions;
    private final UserSessions sessions;
    private final LoginThrottle throttle;
    private final Clock clock;

    UserService(UserRepository users, PasswordEncoder encoder, AuditLog audit, RegionService regions,
                UserSessions sessions, LoginThrottle throttle, Clock clock) {
        this.users = users;
        this.encoder = encoder;
        this.audit = audit;
        this.regions = regions;
        this.sessions = sessions;
        this.throttle = throttle;
        this.clock = clock;
    }

    @PreAuthorize("hasRole('PROVINCE_ADMIN')")
    @Transactional(readOnly = true)
    public List<UserAccount> page(UserFilter filter, int offset, int limit) {
        return users.page(filter, offset, limit);
    }

    @PreAuthorize("hasRole('PROVINCE_ADMIN')")
    @Transactional(readOnly = true)
    public int count(UserFilter filter) {
        return users.count(filter);
    }

    @PreAuthorize("hasRole('PROVINCE_ADMIN')")
    @Transactional(readOnly = true)
    public Optional<UserAccount> get(long id) {
        return users.account(id);
    }

    /** Creates a user with a temporary password, to be changed at first login. */
    @PreAuthorize("hasRole('PROVINCE_ADMIN')")
    public IssuedPassword create(NewUser n) {
        String username = n.username() == null ? "" : n.username().trim().toLowerCase(Locale.ROOT);
        List<RuleViolation.Problem> problems = new ArrayList<>();
        if (!USERNAME.matcher(username).matches()) {
            problems.add(new RuleViolation.Problem("username", "user.username.invalid"));
        } else if (users.exists(username)) {
            problems.add(new RuleViolation.Problem("username", "user.username.taken"));
        }
        problems.addAll(checkProfile(n.fullName(), n.role(), n.kabkotaCode()));
        String locale = n.locale() == null || !LOCALES.contains(n.locale()) ? "id" : n.locale();
        if (!problems.isEmpty()) {
            throw new RuleViolation(problems);
        }
        String password = temporaryPassword();
        UserAccount account = users.insert(username, n.fullName().trim(), n.role(),
                n.role().isDistrictLevel() ? n.kabkotaCode() : null, encoder.encode(password), locale, clock.instant());
        audit.record(AuditEvent.of(CoreAction.USER_CREATED).entity(CoreEntity.USER, account.id())
                .district(account.kabkotaCode()).after(snapshot(account)));
        return new IssuedPassword(account, password);
    }

    /** Changes name, role and district, against the version the administrator saw. */
    @PreAuthorize("hasRole('PROVINCE_ADMIN')")
    public UserAccount update(long id, UserChanges c) {
        UserAccount before = users.account(id).orElseThrow(() -> new RuleViolation(null, "error.notFound"));
        List<RuleViolation.Problem> problems = checkProfile(c.fullName(), c.role(), c.kabkotaCode());
        if (!problems.isEmpty()) {
            throw new RuleViolation(problems);
        }
        if (before.version() != c.version()) {
            throw RuleViolation.concurrentChange();
        }
        UserAccount after = users.saveProfile(id, c.version(), c.fullName().trim(), c.role(),
                c.role().isDistrictLevel() ? c.kabkotaCode() : null, clock.instant());
        audit.record(AuditEvent.of(CoreAction.USER_UPDATED).entity(CoreEntity.USER, id).district(after.kabkotaCode())
                .before(snapshot(before)).after(snapshot(after)));
        if (before.role() != after.role() || !java.util.Objects.equals(before.kabkotaCode(), after.kabkotaCode())) {
            endSessions(id); // a new role or district takes effect at the next login
        }
        return after;
    }

    /** Disables (ending every session of the user at once) or re-enables a user. */
    @PreAuthorize("hasRole('PROVINCE_ADMIN')")
    public UserAccount setEnabled(long id, boolean enabled, int version) {
        UserAccount before = users.account(id).orElseThrow(() -> new RuleViolation(null, "error.notFound"));
        if (!enabled && before.id() == CurrentUser.require().id()) {
            throw new RuleViolation(null, "user.cannotDisableSelf");
        }
        UserAccount after = users.saveEnabled(id, version, enabled, clock.instant());
        audit.record(AuditEvent.of(enabled ? CoreAction.USER_ENABLED : CoreAction.USER_DISABLED).entity(CoreEntity.USER, id)
                .district(after.kabkotaCode()).before(snapshot(before)).after(snapshot(after)));
        if (!enabled) {
            endSessions(id);
        }
        return after;
    }

    /** Issues a new temporary password (ending the user's sessions); the user must change it at login. */
    @PreAuthorize("hasRole('PROVINCE_ADMIN')")
    public IssuedPassword resetPassword(long id, int version) {
        UserAccount before = users.account(id).orElseThrow(() -> new RuleViolation(null, "error.notFound"));
        if (before.version() != version) {
            throw RuleViolation.concurrentChange();
        }
        String password = temporaryPassword();
        UserAccount after = users.saveTemporaryPassword(id, version, encoder.encode(password), clock.instant());
        audit.record(AuditEvent.of(CoreAction.PASSWORD_RESET).entity(CoreEntity.USER, id).district(after.kabkotaCode())
                .after(Map.of("username", after.username())));
        endSessions(id);
        return new IssuedPassword(after, password);
    }

    @PreAuthorize("hasRole('PROVINCE_ADMIN')")
    public int export(UserFilter filter, XlsxSheet sheet, OutputStream out) {
        int rows = 0;
        try (XlsxExport xlsx = new XlsxExport(out, sheet)) {
            for (UserAccount u : users.page(filter, 0, Integer.MAX_VALUE)) {
                xlsx.row(u.username(), u.fullName(), u.role().name(), u.kabkotaCode(),
                        u.enabled() ? "aktif" : "nonaktif", IndonesianFormat.dateTime(u.lastLoginAt()));
                rows++;
            }
        }
        audit.record(AuditEvent.of(CoreAction.USERS_EXPORTED).entity(CoreEntity.USER, null)
                .after(Map.of("filter", filter.toString(), "rows", rows)));
        return rows;
    }

    /**
     * The enabled accounts of a role in one kabupaten/kota (id, user name, full name), at most 500,
     * for another module's assignments (monitoring's field officers). A district-level user gets
     * only their own district's; anyone else's district answers empty.
     */
    @PreAuthorize("hasAnyRole('PROVINCE_ADMIN','PROVINCE_OFFICER','DISTRICT_HEAD','DISTRICT_OPERATOR','FIELD_OFFICER')")
    @Transactional(readOnly = true)
    public List<Colleague> colleagues(Role role, String kabkotaCode) {
        BerdayaUser me = CurrentUser.require();
        if (kabkotaCode == null || me.role().isDistrictLevel() && !kabkotaCode.equals(me.kabkotaCode())) {
            return List.of();
        }
        return users.page(new UserFilter(null, role, kabkotaCode, true), 0, 500).stream()
                .map(u -> new Colleague(u.id(), u.username(), u.fullName())).toList();
    }

    /** The current user's own account, fresh from the database. */
    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public UserAccount myAccount() {
        return users.account(CurrentUser.require().id())
                .orElseThrow(() -> new RuleViolation(null, "error.notFound"));
    }

    /**
     * Changes the current user's password after checking the current one and the policy. The
     * current password is checked like a login: throttled by the same limits (a refused try costs
     * no hashing), and a wrong one is audited. A change ends the user's other sessions; the one
     * of this request stays.
     */
    @PreAuthorize("isAuthenticated()")
    public void changeMyPassword(String currentPassword, String newPassword) {
        BerdayaUser me = CurrentUser.require();
        LoginThrottle.Attempt attempt;
        try {
            // counted before this transaction reads the user, so that it reads the count
            attempt = throttle.begin(me.getUsername(), LoginThrottle.currentClientAddress());
        } catch (LoginThrottle.Refused refused) {
            audit.recordFor(me.getUsername(), me.role(), me.kabkotaCode(), AuditEvent.of(CoreAction.PASSWORD_CHANGE_FAILED)
                    .entity(CoreEntity.USER, me.id()).after(Map.of("reason", "too many failed tries", "limit", refused.limit(),
                            "lockedUntil", refused.until().toString())));
            throw new RuleViolation("currentPassword", "password.tooManyTries");
        }
        String hash = users.passwordHash(me.id()).orElseThrow(() -> new RuleViolation(null, "error.notFound"));
        if (currentPassword == null || !encoder.matches(currentPassword, hash)) {
            Optional<Instant> locked = attempt.failed();
            audit.recordFor(me.getUsername(), me.role(), me.kabkotaCode(), AuditEvent.of(CoreAction.PASSWORD_CHANGE_FAILED)
                    .entity(CoreEntity.USER, me.id()).after(Map.of("reason", "current password wrong")));
            locked.ifPresent(until -> audit.recordFor(me.getUsername(), null, null, AuditEvent.of(CoreAction.ACCOUNT_LOCKED)
                    .entity(CoreEntity.USER, me.id()).after(Map.of("lockedUntil", until.toString()))));
            throw new RuleViolation("currentPassword", "password.currentWrong");
        }
        attempt.succeeded(false); // commits on its own and leaves the row's version alone
        if (newPassword != null && newPassword.equals(currentPassword)) {
            throw new RuleViolation("password", "password.sameAsCurrent");
        }
        PasswordPolicy.require(me.getUsername(), newPassword);
        UserAccount after = users.saveOwnPassword(me.id(), encoder.encode(newPassword), clock.instant());
        audit.record(AuditEvent.of(CoreAction.PASSWORD_CHANGED).entity(CoreEntity.USER, after.id())
                .district(after.kabkotaCode()));
        sessions.endAllButCurrent(users.principal(after.id(), clock.instant()).orElseThrow());
    }

    /** Stores the current user's language ({@code id} or {@code en}). */
    @PreAuthorize("isAuthenticated()")
    public void setMyLocale(String locale) {
        if (!LOCALES.contains(locale)) {
            throw new RuleViolation("locale", "user.locale.invalid");
        }
        UserAccount me = users.account(CurrentUser.require().id()).orElseThrow(() -> new RuleViolation(null, "error.notFound"));
        String old = me.locale();
        if (!old.equals(locale)) {
            users.saveLocale(me.id(), locale);
            audit.record(AuditEvent.of(CoreAction.LOCALE_CHANGED).entity(CoreEntity.USER, me.id())
                    .district(me.kabkotaCode()).before(Map.of("locale", old)).after(Map.of("locale", locale)));
        }
    }

    private List<RuleViolation.Problem> checkProfile(String fullName, Role role, String kabkotaCode) {
        List<RuleViolation.Problem> problems = new ArrayList<>();
        if (fullName == null || fullName.isBlank() || fullName.trim().length() > 150) {
            problems.add(new RuleViolation.Problem("fullName", "user.fullName.required"));
        }
        if (role == null) {
            problems.add(new RuleViolation.Problem("role", "user.role.required"));
        } else if (role.isDistrictLevel() && (kabkotaCode == null || regions.kabkota(kabkotaCode).isEmpty())) {
            problems.add(new RuleViolation.Problem("kabkota", "user.kabkota.required"));
        }
        return problems;
    }

    private void endSessions(long id) {
        users.principal(id, clock.instant()).ifPresent(sessions::endAll);
    }

    static String temporaryPassword() {
        String alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < 16; i++) {
            if (i > 0 && i % 4 == 0) {
                b.append('-');
            }
            b.append(alphabet.charAt(RANDOM.nextInt(alphabet.length())));
        }
        return b.toString();
    }

    static Map<String, Object> snapshot(UserAccount a) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("username", a.username());
        m.put("fullName", a.fullName());
        m.put("role", a.role().name());
        m.put("kabkotaCode", a.kabkotaCode());
        m.put("enabled", a.enabled());
        return m;
    }
}
