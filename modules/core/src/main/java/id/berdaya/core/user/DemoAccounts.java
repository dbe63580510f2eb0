package id.berdaya.core.user;

import id.berdaya.core.audit.AuditEvent;
import id.berdaya.core.audit.CoreAction;
import id.berdaya.core.audit.CoreEntity;
import id.berdaya.core.audit.AuditLog;
import id.berdaya.db.enums.AppUserRole;
import id.berdaya.db.tables.records.AppUserRecord;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.util.List;
import java.util.Map;

/**
 * Synthetic demo accounts, only under the {@code demo} profile, all with the published demo
 * password and marked {@code demo} in the database. Created once; an account that a start
 * without the demo profile disabled is enabled again with the demo password. A user that only
 * bears a demo account's name is not touched: {@link DemoProfileGuard} has refused such a
 * database before this runs.
 */
@Component
@Profile("demo")
@Order(20)
class DemoAccounts implements ApplicationRunner {

    static final String DEMO_PASSWORD = "Berdaya#Demo2026";

    record Demo(String username, String fullName, AppUserRole role, String kabkota) {
    }

    static final List<Demo> ACCOUNTS = List.of(
            new Demo("admin.provinsi", "Admin Provinsi (Demo)", AppUserRole.PROVINCE_ADMIN, null),
            new Demo("verifikator.provinsi", "Verifikator Provinsi (Demo)", AppUserRole.PROVINCE_OFFICER, null),
            new Demo("kadinsos.purbalingga", "Kepala Dinsos Purbalingga (Demo)", AppUserRole.DISTRICT_HEAD, "33.03"),
            new Demo("operator.purbalingga", "Operator Purbalingga (Demo)", AppUserRole.DISTRICT_OPERATOR, "33.03"),
            new Demo("pendamping.purbalingga", "Pendamping Purbalingga (Demo)", AppUserRole.FIELD_OFFICER, "33.03"),
            new Demo("kadinsos.pekalongan", "Kepala Dinsos Pekalongan (Demo)", AppUserRole.DISTRICT_HEAD, "33.26"),
            new Demo("operator.pekalongan", "Operator Pekalongan (Demo)", AppUserRole.DISTRICT_OPERATOR, "33.26"),
            // PARTNER accounts: the training module's demo seeding links each to its agency
            new Demo("mitra.polres.purbalingga", "Mitra Polres Purbalingga (Demo)", AppUserRole.PARTNER, "33.03"),
            new Demo("mitra.kemenag.pekalongan", "Mitra Kemenag Pekalongan (Demo)", AppUserRole.PARTNER, "33.26"));

    private final UserRepository users;
    private final PasswordEncoder encoder;
    private final AuditLog audit;
    private final TransactionTemplate tx;
    private final Clock clock;

    DemoAccounts(UserRepository users, PasswordEncoder encoder, AuditLog audit, TransactionTemplate tx, Clock clock) {
        this.users = users;
        this.encoder = encoder;
        this.audit = audit;
        this.tx = tx;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        tx.executeWithoutResult(status -> {
            String hash = null;
            for (Demo d : ACCOUNTS) {
                hash = hash != null ? hash : encoder.encode(DEMO_PASSWORD);
                var existing = users.byUsername(d.username());
                if (existing.isPresent()) {
                    AppUserRecord r = existing.get();
                    if (!Boolean.TRUE.equals(r.getDemo())) {
                        throw new IllegalStateException("User '" + d.username() + "' is not a demo account: the demo profile leaves it alone");
                    }
                    if (!Boolean.TRUE.equals(r.getEnabled()) || DemoAccountsOutsideDemo.UNUSABLE_HASH.equals(r.getPasswordHash())) {
                        r.setEnabled(true);
                        r.setPasswordHash(hash);
                        r.setUpdatedAt(UserRepository.utc(clock.instant()));
                        r.store();
                        audit.record(AuditEvent.of(CoreAction.USER_ENABLED).entity(CoreEntity.USER, r.getId())
                                .district(d.kabkota()).after(Map.of("username", d.username(), "reason", "demo profile")));
                    }
                    continue;
                }
                AppUserRecord r = users.newRecord();
                r.setUsername(d.username());
                r.setFullName(d.fullName());
                r.setRole(d.role());
                r.setKabkotaCode(d.kabkota());
                r.setPasswordHash(hash);
                r.setMustChangePassword(false);
                r.setEnabled(true);
                r.setDemo(true);
                r.setLocale("id");
                r.setCreatedAt(UserRepository.utc(clock.instant()));
                r.setUpdatedAt(r.getCreatedAt());
                r.store();
                audit.record(AuditEvent.of(CoreAction.USER_CREATED).entity(CoreEntity.USER, r.getId()).district(d.kabkota())
                        .after(Map.of("username", d.username(), "role", d.role().getLiteral(), "demo", true)));
            }
        });
    }
}
