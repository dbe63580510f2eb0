package id.berdaya.core.user;

import id.berdaya.core.CoreTestApplication;
import id.berdaya.db.tables.records.AppUserRecord;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.transaction.annotation.Transactional;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import static id.berdaya.db.Tables.APP_USER;
import static id.berdaya.db.Tables.AUDIT_EVENT;
import static org.assertj.core.api.Assertions.assertThat;

/** On a database without users, the first start creates "admin" with a random password; never a default one. */
@SpringBootTest(classes = CoreTestApplication.class)
@Transactional // the users deleted below come back when the test's transaction rolls back
class FirstRunAdminTest {

    @Autowired FirstRunAdmin firstRun;
    @Autowired DSLContext dsl;
    @Autowired PasswordEncoder encoder;

    @Test
    void withNoUsersTheFirstStartCreatesAnAdminWithARandomPasswordInAnOwnerOnlyFile() throws Exception {
        dsl.deleteFrom(APP_USER).execute();

        Path file = firstRun.createIfNoUsers().orElseThrow();
        try {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
            String password = Files.readAllLines(file).get(1).substring("password: ".length());
            assertThat(password).hasSizeGreaterThanOrEqualTo(16);

            AppUserRecord admin = dsl.selectFrom(APP_USER).where(APP_USER.USERNAME.eq("admin")).fetchSingle();
            assertThat(admin.getMustChangePassword()).isTrue();
            assertThat(admin.getPasswordHash()).startsWith("{argon2}$argon2id$v=19$m=19456,t=2,p=1$");
            assertThat(encoder.matches(password, admin.getPasswordHash())).isTrue();
            assertThat(dsl.fetchExists(AUDIT_EVENT, AUDIT_EVENT.ACTION.eq("FIRST_ADMIN_CREATED")
                    .and(AUDIT_EVENT.ENTITY_ID.eq(String.valueOf(admin.getId()))))).isTrue();

            assertThat(firstRun.createIfNoUsers()).as("only when there are no users").isEmpty();
        } finally {
            Files.deleteIfExists(file);
        }
    }

    @Test
    void withUsersPresentNothingIsCreated() {
        int before = dsl.fetchCount(APP_USER);
        dsl.insertInto(APP_USER).set(APP_USER.USERNAME, "uji.ada").set(APP_USER.FULL_NAME, "Ada")
                .set(APP_USER.PASSWORD_HASH, "{noop}x").set(APP_USER.ROLE, id.berdaya.db.enums.AppUserRole.PROVINCE_OFFICER)
                .execute();
        assertThat(firstRun.createIfNoUsers()).isEmpty();
        assertThat(dsl.fetchCount(APP_USER)).isEqualTo(before + 1);
    }
}
