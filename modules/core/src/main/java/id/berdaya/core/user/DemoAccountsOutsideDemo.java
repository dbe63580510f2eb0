package id.berdaya.core.user;

import id.berdaya.core.audit.AuditEvent;
import id.berdaya.core.audit.CoreAction;
import id.berdaya.core.audit.CoreEntity;
import id.berdaya.core.audit.AuditLog;
import id.berdaya.db.tables.records.AppUserRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.util.Map;

/**
 * The demo accounts share a published password, so they are usable only under the demo profile:
 * a start without it disables every account marked {@code demo} that an earlier demo run left
 * in the database, and replaces its password hash with {@link #UNUSABLE_HASH}, which no password
 * matches (a later demo start sets the demo password again). A user is a demo account by its
 * {@code demo} mark, never by its name.
 */
@Component
@Profile("!demo")
@Order(20)
class DemoAccountsOutsideDemo implements ApplicationRunner {

    /**
     * Not a hash: the Argon2 encoder rejects it as malformed and answers "no match" without
     * hashing anything, whatever password is tried.
     */
    static final String UNUSABLE_HASH = "{argon2}!disabled-demo-account";

    private static final Logger log = LoggerFactory.getLogger(DemoAccountsOutsideDemo.class);
    private final UserRepository users;
    private final AuditLog audit;
    private final TransactionTemplate tx;
    private final Clock clock;

    DemoAccountsOutsideDemo(UserRepository users, AuditLog audit, TransactionTemplate tx, Clock clock) {
        this.users = users;
        this.audit = audit;
        this.tx = tx;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        disableDemoAccounts();
    }

    int disableDemoAccounts() {
        Integer n = tx.execute(status -> {
            int disabled = 0;
            for (AppUserRecord r : users.demoAccountsStillUsable(UNUSABLE_HASH)) {
                boolean wasEnabled = Boolean.TRUE.equals(r.getEnabled());
                r.setEnabled(false);
                r.setPasswordHash(UNUSABLE_HASH);
                r.setUpdatedAt(UserRepository.utc(clock.instant()));
                r.store();
                if (wasEnabled) {
                    audit.record(AuditEvent.of(CoreAction.USER_DISABLED).entity(CoreEntity.USER, r.getId())
                            .district(r.getKabkotaCode())
                            .after(Map.of("username", r.getUsername(), "reason", "demo account outside the demo profile")));
                }
                disabled++;
            }
            return disabled;
        });
        if (n != null && n > 0) {
            log.warn("Disabled {} demo account(s) and made their passwords unusable: this start is not in the demo profile", n);
        }
        return n == null ? 0 : n;
    }
}
