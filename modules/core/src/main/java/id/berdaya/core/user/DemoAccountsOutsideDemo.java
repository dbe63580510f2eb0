package id.berdaya.core.user;

import id.berdaya.core.audit.AuditEvent;
import id.berdaya.core.audit.CoreAction;
import id.berdaya.core.audit.CoreEntity;
import id.berdaya.core.audit.AuditLog;
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
 * The demo accounts share a published password, so they exist only under the demo profile: a
 * start without it disables any that an earlier demo run left in the database.
 */
@Component
@Profile("!demo")
@Order(20)
class DemoAccountsOutsideDemo implements ApplicationRunner {

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
            for (DemoAccounts.Demo d : DemoAccounts.ACCOUNTS) {
                var found = users.byUsername(d.username()).filter(r -> Boolean.TRUE.equals(r.getEnabled()));
                if (found.isPresent()) {
                    var r = found.get();
                    r.setEnabled(false);
                    r.setUpdatedAt(UserRepository.utc(clock.instant()));
                    r.store();
                    audit.record(AuditEvent.of(CoreAction.USER_DISABLED).entity(CoreEntity.USER, r.getId())
                            .district(r.getKabkotaCode())
                            .after(Map.of("username", d.username(), "reason", "demo account outside the demo profile")));
                    disabled++;
                }
            }
            return disabled;
        });
        if (n != null && n > 0) {
            log.warn("Disabled {} demo account(s) with the published demo password: this start is not in the demo profile", n);
        }
        return n == null ? 0 : n;
    }
}
