package id.berdaya.core.user;

import id.berdaya.core.RuleViolation;
import id.berdaya.core.security.BerdayaUser;
import id.berdaya.core.security.Role;
import id.berdaya.db.enums.AppUserRole;
import id.berdaya.db.tables.records.AppUserRecord;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.exception.DataChangedException;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

import static id.berdaya.db.Tables.APP_USER;

/**
 * Users. {@code app_user} is not district-owned: user administration is a province task, and
 * login must find a user before anyone is logged in.
 */
@Repository
class UserRepository {

    private final DSLContext dsl;

    UserRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    Optional<AppUserRecord> byUsername(String username) {
        return dsl.selectFrom(APP_USER).where(APP_USER.USERNAME.eq(username)).fetchOptional();
    }

    Optional<AppUserRecord> byUsernameForUpdate(String username) {
        return dsl.selectFrom(APP_USER).where(APP_USER.USERNAME.eq(username)).forUpdate().fetchOptional();
    }

    /** The login counters; a plain update that leaves {@code version} alone (they are no edit of the user). */
    void setLoginState(long id, int failedLogins, Instant failedWindowStart, Instant lockedUntil) {
        dsl.update(APP_USER)
                .set(APP_USER.FAILED_LOGINS, failedLogins)
                .set(APP_USER.FAILED_WINDOW_START, utc(failedWindowStart))
                .set(APP_USER.LOCKED_UNTIL, utc(lockedUntil))
                .where(APP_USER.ID.eq(id))
                .execute();
    }

    void setLastLogin(long id, Instant at) {
        dsl.update(APP_USER).set(APP_USER.LAST_LOGIN_AT, utc(at)).where(APP_USER.ID.eq(id)).execute();
    }

    Optional<AppUserRecord> byId(long id) {
        return dsl.selectFrom(APP_USER).where(APP_USER.ID.eq(id)).fetchOptional();
    }

    /** Accounts marked demo that are enabled or still hold a password hash. */
    List<AppUserRecord> demoAccountsStillUsable(String unusableHash) {
        return dsl.selectFrom(APP_USER)
                .where(APP_USER.DEMO.isTrue())
                .and(APP_USER.ENABLED.isTrue().or(APP_USER.PASSWORD_HASH.ne(unusableHash)))
                .orderBy(APP_USER.ID)
                .forUpdate()
                .fetch();
    }

    /**
     * Names of users that make a database real: every account not marked demo, except the
     * first-run administrator as long as nobody has logged in with it.
     */
    List<String> realUserNames(String firstRunAdmin, int limit) {
        return dsl.select(APP_USER.USERNAME).from(APP_USER)
                .where(APP_USER.DEMO.isFalse())
                .and(APP_USER.USERNAME.ne(firstRunAdmin).or(APP_USER.LAST_LOGIN_AT.isNotNull()))
                .orderBy(APP_USER.USERNAME)
                .limit(limit)
                .fetch(APP_USER.USERNAME);
    }

    boolean exists(String username) {
        return dsl.fetchExists(APP_USER, APP_USER.USERNAME.eq(username));
    }

    int countAll() {
        return dsl.fetchCount(APP_USER);
    }

    AppUserRecord newRecord() {
        return dsl.newRecord(APP_USER);
    }

    /** Stores a new account whose password must be changed at first login. */
    UserAccount insert(String username, String fullName, Role role, String kabkotaCode, String passwordHash,
                       String locale, Instant now) {
        AppUserRecord r = dsl.newRecord(APP_USER);
        r.setUsername(username);
        r.setFullName(fullName);
        r.setRole(AppUserRole.valueOf(role.name()));
        r.setKabkotaCode(kabkotaCode);
        r.setPasswordHash(passwordHash);
        r.setMustChangePassword(true);
        r.setEnabled(true);
        r.setLocale(locale);
        r.setCreatedAt(utc(now));
        r.setUpdatedAt(r.getCreatedAt());
        r.store();
        return toAccount(r);
    }

    Optional<UserAccount> account(long id) {
        return byId(id).map(UserRepository::toAccount);
    }

    /** The login principal of a stored user (for ending its sessions), as of {@code now}. */
    Optional<BerdayaUser> principal(long id, Instant now) {
        return byId(id).map(r -> toPrincipal(r, now));
    }

    Optional<String> passwordHash(long id) {
        return dsl.select(APP_USER.PASSWORD_HASH).from(APP_USER).where(APP_USER.ID.eq(id)).fetchOptional(APP_USER.PASSWORD_HASH);
    }

    /** Name, role and district, against the version the administrator saw. */
    UserAccount saveProfile(long id, int version, String fullName, Role role, String kabkotaCode, Instant now) {
        return change(id, version, r -> {
            r.setFullName(fullName);
            r.setRole(AppUserRole.valueOf(role.name()));
            r.setKabkotaCode(kabkotaCode);
            r.setUpdatedAt(utc(now));
        });
    }

    UserAccount saveEnabled(long id, int version, boolean enabled, Instant now) {
        return change(id, version, r -> {
            r.setEnabled(enabled);
            r.setUpdatedAt(utc(now));
        });
    }

    /** A temporary password, to be changed at the next login; the login counters start afresh. */
    UserAccount saveTemporaryPassword(long id, int version, String passwordHash, Instant now) {
        return change(id, version, r -> {
            r.setPasswordHash(passwordHash);
            r.setMustChangePassword(true);
            r.setLockedUntil(null);
            r.setFailedLogins(0);
            r.setFailedWindowStart(null);
            r.setUpdatedAt(utc(now));
        });
    }

    /** The user's own new password (no version check: the user proved the current one). */
    UserAccount saveOwnPassword(long id, String passwordHash, Instant now) {
        return change(id, null, r -> {
            r.setPasswordHash(passwordHash);
            r.setMustChangePassword(false);
            r.setPasswordChangedAt(utc(now));
            r.setUpdatedAt(r.getPasswordChangedAt());
        });
    }

    UserAccount saveLocale(long id, String locale) {
        return change(id, null, r -> r.setLocale(locale));
    }

    /**
     * Loads, changes and stores one user with jOOQ's optimistic lock; a version other than the
     * expected one (when given), or a row changed meanwhile, is a concurrent change.
     */
    private UserAccount change(long id, Integer expectedVersion, Consumer<AppUserRecord> change) {
        AppUserRecord r = byId(id).orElseThrow(() -> new RuleViolation(null, "error.notFound"));
        if (expectedVersion != null && r.getVersion() != expectedVersion.intValue()) {
            throw RuleViolation.concurrentChange();
        }
        change.accept(r);
        try {
            r.store();
        } catch (DataChangedException e) {
            throw RuleViolation.concurrentChange();
        }
        return toAccount(r);
    }

    List<UserAccount> page(UserFilter filter, int offset, int limit) {
        return dsl.selectFrom(APP_USER).where(matching(filter))
                .orderBy(APP_USER.USERNAME).offset(offset).limit(limit)
                .fetch(UserRepository::toAccount);
    }

    int count(UserFilter filter) {
        return dsl.fetchCount(APP_USER, matching(filter));
    }

    private static Condition matching(UserFilter f) {
        Condition c = DSL.noCondition();
        if (f.text() != null && !f.text().isBlank()) {
            String like = "%" + f.text().trim().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
            c = c.and(APP_USER.USERNAME.like(like).or(APP_USER.FULL_NAME.like(like)));
        }
        if (f.role() != null) {
            c = c.and(APP_USER.ROLE.eq(AppUserRole.valueOf(f.role().name())));
        }
        if (f.kabkotaCode() != null && !f.kabkotaCode().isBlank()) {
            c = c.and(APP_USER.KABKOTA_CODE.eq(f.kabkotaCode()));
        }
        if (f.enabled() != null) {
            c = c.and(APP_USER.ENABLED.eq(f.enabled()));
        }
        return c;
    }

    static UserAccount toAccount(AppUserRecord r) {
        return new UserAccount(r.getId(), r.getUsername(), r.getFullName(), Role.valueOf(r.getRole().getLiteral()),
                r.getKabkotaCode(), Boolean.TRUE.equals(r.getEnabled()), Boolean.TRUE.equals(r.getMustChangePassword()),
                r.getLocale(), toInstant(r.getLastLoginAt()), toInstant(r.getLockedUntil()), r.getVersion());
    }

    static BerdayaUser toPrincipal(AppUserRecord r, Instant now) {
        boolean locked = r.getLockedUntil() != null && toInstant(r.getLockedUntil()).isAfter(now);
        return new BerdayaUser(r.getId(), r.getUsername(), r.getFullName(), Role.valueOf(r.getRole().getLiteral()),
                r.getKabkotaCode(), Boolean.TRUE.equals(r.getEnabled()), locked, r.getPasswordHash());
    }

    static Instant toInstant(LocalDateTime utc) {
        return utc == null ? null : utc.toInstant(ZoneOffset.UTC);
    }

    static LocalDateTime utc(Instant instant) {
        return instant == null ? null : LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
