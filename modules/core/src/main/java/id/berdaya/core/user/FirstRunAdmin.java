package id.berdaya.core.user;

import id.berdaya.core.audit.AuditEvent;
import id.berdaya.core.audit.CoreAction;
import id.berdaya.core.audit.CoreEntity;
import id.berdaya.core.audit.AuditLog;
import id.berdaya.core.security.PasswordPolicy;
import id.berdaya.db.enums.AppUserRole;
import id.berdaya.db.tables.records.AppUserRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;

/**
 * No default password, ever: on the very first start (no users at all) this creates
 * {@code admin} with a random password, printed once to the console and written to an
 * owner-only file, to be changed at first login. {@code BERDAYA_ADMIN_PASSWORD} in the
 * environment sets it instead (it must pass the password policy). Under the demo profile it is
 * marked {@code demo}, like the demo accounts.
 */
@Component
@Order(10)
class FirstRunAdmin implements ApplicationRunner {

    static final String USERNAME = "admin";
    private static final Logger log = LoggerFactory.getLogger(FirstRunAdmin.class);

    private final UserRepository users;
    private final PasswordEncoder encoder;
    private final AuditLog audit;
    private final TransactionTemplate tx;
    private final Environment env;
    private final Clock clock;
    private final Path passwordFile;

    FirstRunAdmin(UserRepository users, PasswordEncoder encoder, AuditLog audit, TransactionTemplate tx,
                  Environment env, Clock clock,
                  @Value("${berdaya.home:${user.home}/.berdaya}") String home) {
        this.users = users;
        this.encoder = encoder;
        this.audit = audit;
        this.tx = tx;
        this.env = env;
        this.clock = clock;
        this.passwordFile = Path.of(home, "initial-admin-password.txt");
    }

    @Override
    public void run(ApplicationArguments args) {
        createIfNoUsers();
    }

    /** Creates the first administrator when there are no users; returns where its password went. */
    Optional<Path> createIfNoUsers() {
        return tx.execute(status -> {
            if (users.countAll() > 0) {
                return Optional.<Path>empty();
            }
            boolean demo = env.acceptsProfiles(Profiles.of("demo"));
            String fromEnv = env.getProperty("BERDAYA_ADMIN_PASSWORD");
            boolean generated = fromEnv == null || fromEnv.isBlank();
            String password = generated ? UserService.temporaryPassword() : fromEnv;
            if (!generated) {
                PasswordPolicy.require(USERNAME, password);
            }
            AppUserRecord r = users.newRecord();
            r.setUsername(USERNAME);
            r.setFullName("Administrator Provinsi");
            r.setRole(AppUserRole.PROVINCE_ADMIN);
            r.setPasswordHash(encoder.encode(password));
            r.setMustChangePassword(generated);
            r.setEnabled(true);
            r.setDemo(demo); // a demo database's administrator is part of the demo, disabled outside it
            r.setLocale("id");
            r.setCreatedAt(UserRepository.utc(clock.instant()));
            r.setUpdatedAt(r.getCreatedAt());
            r.store();
            audit.record(AuditEvent.of(CoreAction.FIRST_ADMIN_CREATED).entity(CoreEntity.USER, r.getId())
                    .after(Map.of("username", USERNAME, "passwordFrom", generated ? "generated" : "BERDAYA_ADMIN_PASSWORD")));
            if (!generated) {
                log.info("First start: created user '{}' with the password from BERDAYA_ADMIN_PASSWORD", USERNAME);
                return Optional.<Path>empty();
            }
            writeOwnerOnly(password);
            System.out.println("""

                    ================================================================
                     Berdaya first start: created the administrator account
                       user name: %s
                       password:  %s
                     The password is shown only now and kept in %s
                     (readable only by you). It must be changed at first login.
                    ================================================================
                    """.formatted(USERNAME, password, passwordFile));
            return Optional.of(passwordFile);
        });
    }

    private void writeOwnerOnly(String password) {
        try {
            Files.createDirectories(passwordFile.getParent());
            Files.deleteIfExists(passwordFile);
            Files.createFile(passwordFile, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(passwordFile, "user: " + USERNAME + "\npassword: " + password
                    + "\n(change it at first login, then delete this file)\n");
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write " + passwordFile, e);
        }
    }
}
