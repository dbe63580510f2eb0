package id.berdaya.core.user;

import id.berdaya.core.security.BerdayaUser;
import id.berdaya.core.security.Role;
import id.berdaya.db.enums.AppUserRole;
import id.berdaya.db.tables.records.AppUserRecord;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.util.concurrent.atomic.AtomicInteger;

/** Synthetic test accounts in the real database, and logging in as them. */
@Component
public class TestAccounts {

    public static final String PASSWORD = "Uji#Sandi-2026x";
    private static final AtomicInteger SEQ = new AtomicInteger();

    private final UserRepository users;
    private final PasswordEncoder encoder;
    private final TransactionTemplate tx;
    private final Clock clock;
    private String hash;

    TestAccounts(UserRepository users, PasswordEncoder encoder, TransactionTemplate tx, Clock clock) {
        this.users = users;
        this.encoder = encoder;
        this.tx = tx;
        this.clock = clock;
    }

    /** A user with this name (created if missing, password {@link #PASSWORD}). */
    public BerdayaUser ensure(String username, Role role, String kabkotaCode) {
        return tx.execute(s -> {
            AppUserRecord r = users.byUsername(username).orElseGet(() -> {
                AppUserRecord n = users.newRecord();
                n.setUsername(username);
                n.setFullName("Uji " + username);
                n.setRole(AppUserRole.valueOf(role.name()));
                n.setKabkotaCode(kabkotaCode);
                n.setPasswordHash(hash());
                n.setMustChangePassword(false);
                n.setEnabled(true);
                n.setLocale("id");
                n.setCreatedAt(UserRepository.utc(clock.instant()));
                n.setUpdatedAt(n.getCreatedAt());
                n.store();
                return n;
            });
            return UserRepository.toPrincipal(r, clock.instant());
        });
    }

    /** A fresh user with a unique name. */
    public BerdayaUser fresh(String prefix, Role role, String kabkotaCode) {
        return ensure(prefix + "." + System.nanoTime() % 1_000_000 + SEQ.incrementAndGet(), role, kabkotaCode);
    }

    /** Makes this user the current one of the calling thread. */
    public static BerdayaUser loginAs(BerdayaUser user) {
        SecurityContextHolder.getContext().setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
        return user;
    }

    public static void logout() {
        SecurityContextHolder.clearContext();
    }

    private synchronized String hash() {
        if (hash == null) {
            hash = encoder.encode(PASSWORD);
        }
        return hash;
    }
}
