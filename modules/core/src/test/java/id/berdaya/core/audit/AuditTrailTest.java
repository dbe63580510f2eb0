package id.berdaya.core.audit;

import id.berdaya.core.CoreTestApplication;
import id.berdaya.core.database.EmbeddedMariaDb;
import id.berdaya.core.security.BerdayaUser;
import id.berdaya.core.security.Role;
import id.berdaya.core.user.IssuedPassword;
import id.berdaya.core.user.NewUser;
import id.berdaya.core.user.TestAccounts;
import id.berdaya.core.user.UserAccount;
import id.berdaya.core.user.UserChanges;
import id.berdaya.core.user.UserService;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import id.berdaya.core.user.ThrottledAuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.event.LogoutSuccessEvent;
import org.springframework.context.ApplicationEventPublisher;

import javax.sql.DataSource;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import java.util.stream.Stream;

import static id.berdaya.db.Tables.AUDIT_EVENT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@SpringBootTest(classes = CoreTestApplication.class)
class AuditTrailTest {

    @Autowired TestAccounts accounts;
    @Autowired UserService users;
    @Autowired AuditService audit;
    @Autowired DSLContext dsl;
    @Autowired DataSource dataSource;
    @Autowired ObjectProvider<EmbeddedMariaDb> embedded;
    @Autowired ThrottledAuthenticationProvider authenticationManager;
    @Autowired ApplicationEventPublisher events;

    BerdayaUser admin;

    @BeforeEach
    void login() {
        admin = accounts.ensure("uji.admin.audit", Role.PROVINCE_ADMIN, null);
        TestAccounts.loginAs(admin);
    }

    @AfterEach
    void logout() {
        TestAccounts.logout();
    }

    private List<AuditEntry> eventsOf(String username, String action) {
        TestAccounts.loginAs(admin);
        return audit.page(new AuditFilter(username, action, null, null, null), 0, 100);
    }

    @Test
    void userAdministrationIsAuditedWithOldAndNewValues() {
        String name = "uji.audit." + System.nanoTime() % 1_000_000;
        IssuedPassword created = users.create(new NewUser(name, "Sri Uji", Role.FIELD_OFFICER, "33.03", "id"));
        UserAccount u = created.user();
        u = users.update(u.id(), new UserChanges("Sri Uji Lestari", Role.FIELD_OFFICER, "33.03", u.version()));
        u = users.setEnabled(u.id(), false, u.version());
        users.resetPassword(u.id(), u.version());

        List<AuditEntry> mine = eventsOf(admin.getUsername(), null).stream()
                .filter(e -> String.valueOf(created.user().id()).equals(e.entityId())).toList();
        assertThat(mine).extracting(AuditEntry::action).containsExactly(
                CoreAction.PASSWORD_RESET.code(), CoreAction.USER_DISABLED.code(), CoreAction.USER_UPDATED.code(), CoreAction.USER_CREATED.code());
        AuditEntry update = mine.get(2);
        assertThat(update.oldValue()).contains("\"fullName\":\"Sri Uji\"");
        assertThat(update.newValue()).contains("\"fullName\":\"Sri Uji Lestari\"");
        assertThat(update.role()).isEqualTo("PROVINCE_ADMIN");
        assertThat(update.kabkotaCode()).isEqualTo("33.03");
        assertThat(mine).allSatisfy(e -> assertThat(e.newValue() == null || !e.newValue().contains(created.temporaryPassword())).isTrue());
    }

    @Test
    void loginsAndLogoutsAreAudited() {
        BerdayaUser u = accounts.fresh("uji.login", Role.DISTRICT_OPERATOR, "33.26");
        TestAccounts.logout();
        var ok = authenticationManager.authenticate(UsernamePasswordAuthenticationToken.unauthenticated(u.getUsername(), TestAccounts.PASSWORD));
        assertThatThrownBy(() -> authenticationManager.authenticate(
                UsernamePasswordAuthenticationToken.unauthenticated(u.getUsername(), "salah-sandi-123")))
                .isInstanceOf(BadCredentialsException.class);
        events.publishEvent(new LogoutSuccessEvent(ok));

        assertThat(eventsOf(u.getUsername(), null)).extracting(AuditEntry::action)
                .containsExactly(CoreAction.LOGOUT.code(), CoreAction.LOGIN_FAILED.code(), CoreAction.LOGIN_SUCCEEDED.code());
        assertThat(eventsOf(u.getUsername(), CoreAction.LOGIN_SUCCEEDED.code()).getFirst().kabkotaCode()).isEqualTo("33.26");
    }

    @Test
    void failedLoginOfAnUnknownUserIsAuditedUnderAHashOfTheNameNeverTheNameTyped() {
        TestAccounts.logout();
        String typed = "Kata#Sandi-Tertukar" + System.nanoTime(); // a password typed into the name field
        assertThatThrownBy(() -> authenticationManager.authenticate(
                UsernamePasswordAuthenticationToken.unauthenticated(typed, "apa-saja-12345")))
                .isInstanceOf(BadCredentialsException.class);
        assertThat(dsl.fetchCount(AUDIT_EVENT, AUDIT_EVENT.USERNAME.contains(typed).or(AUDIT_EVENT.ENTITY_ID.contains(typed))
                .or(AUDIT_EVENT.NEW_VALUE.contains(typed)))).isZero();
        String audited = dsl.select(AUDIT_EVENT.USERNAME).from(AUDIT_EVENT).where(AUDIT_EVENT.ACTION.eq(CoreAction.LOGIN_FAILED.code()))
                .orderBy(AUDIT_EVENT.ID.desc()).limit(1).fetchSingle(AUDIT_EVENT.USERNAME);
        assertThat(audited).matches("\\?[0-9a-f]{32}");
    }

    @Test
    void theApplicationCannotUpdateOrDeleteAuditRows() {
        long id = eventsOf(admin.getUsername(), null).stream().findFirst()
                .map(AuditEntry::id).orElseGet(() -> {
                    users.create(new NewUser("uji.a" + System.nanoTime() % 100000, "Uji", Role.PROVINCE_OFFICER, null, "id"));
                    return eventsOf(admin.getUsername(), null).getFirst().id();
                });
        assertThatThrownBy(() -> dsl.update(AUDIT_EVENT).set(AUDIT_EVENT.ACTION, "TAMPERED").where(AUDIT_EVENT.ID.eq(id)).execute())
                .isInstanceOf(org.springframework.dao.DataAccessException.class);
        assertThatThrownBy(() -> dsl.deleteFrom(AUDIT_EVENT).where(AUDIT_EVENT.ID.eq(id)).execute())
                .isInstanceOf(org.springframework.dao.DataAccessException.class);
        assertThat(audit.find(id)).get().extracting(AuditEntry::action).isNotEqualTo("TAMPERED");
    }

    @Test
    void theSchemaItselfRejectsUpdatesAndDeletesOfAuditRows_evenForTheSchemaOwner() throws Exception {
        users.create(new NewUser("uji.t" + System.nanoTime() % 100000, "Uji Trigger", Role.PROVINCE_OFFICER, null, "id"));
        long id = eventsOf(admin.getUsername(), null).getFirst().id();
        EmbeddedMariaDb db = embedded.getIfAvailable();
        // on the embedded server the schema owner has every right, so only the trigger stands in the way;
        // on an external server the test account is the owner
        try (Connection c = db != null ? DriverManager.getConnection(db.jdbcUrl(), db.ownerUser(), db.ownerPassword())
                : dataSource.getConnection();
             Statement s = c.createStatement()) {
            assertThatThrownBy(() -> s.executeUpdate("UPDATE audit_event SET action = 'TAMPERED' WHERE id = " + id))
                    .hasMessageContaining("append-only");
            assertThatThrownBy(() -> s.executeUpdate("DELETE FROM audit_event WHERE id = " + id))
                    .hasMessageContaining("append-only");
        }
    }

    @Test
    void exportWritesTheFilteredEventsAsXlsxAndIsAuditedItself() throws Exception {
        users.create(new NewUser("uji.x" + System.nanoTime() % 100000, "Uji Ekspor", Role.PROVINCE_OFFICER, null, "id"));
        AuditFilter filter = new AuditFilter(admin.getUsername(), CoreAction.USER_CREATED.code(), null, null, null);
        int expected = audit.count(filter);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        AuditSheet layout = new AuditSheet("Jejak audit", List.of("Waktu", "Pengguna", "Kab/Kota", "Aksi"),
                e -> List.of(e.occurredAt().toString(), e.username(), e.kabkotaCode() == null ? "" : e.kabkotaCode(), e.action()));
        int rows = audit.export(filter, layout, out);
        assertThat(rows).isEqualTo(expected).isPositive();
        try (ReadableWorkbook wb = new ReadableWorkbook(new ByteArrayInputStream(out.toByteArray()));
             Stream<Row> sheet = wb.getFirstSheet().openStream()) {
            List<Row> all = sheet.toList();
            assertThat(all).hasSize(expected + 1);
            assertThat(all.getFirst().getCellText(0)).isEqualTo("Waktu");
            assertThat(all.get(1).getCellText(3)).isEqualTo(CoreAction.USER_CREATED.code());
            assertThat(wb.getFirstSheet().getName()).isEqualTo("Jejak audit");
        }
        assertThat(eventsOf(admin.getUsername(), CoreAction.AUDIT_EXPORTED.code())).isNotEmpty();
    }
}
