package id.berdaya.core.user;

import id.berdaya.core.security.BerdayaUser;
import id.berdaya.core.security.Role;
import id.berdaya.db.enums.AppUserRole;
import id.berdaya.db.tables.records.AppUserRecord;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

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
