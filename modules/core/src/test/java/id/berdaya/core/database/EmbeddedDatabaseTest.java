package id.berdaya.core.database;

import id.berdaya.core.CoreTestApplication;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledIfEnvironmentVariable;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import javax.sql.DataSource;
import java.nio.file.Files;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The embedded server (this class does not apply when the tests run against an external server). */
@SpringBootTest(classes = CoreTestApplication.class)
@DisabledIfEnvironmentVariable(named = "SPRING_DATASOURCE_URL", matches = ".+")
class EmbeddedDatabaseTest {

    @Autowired EmbeddedMariaDb db;
    @Autowired DataSource dataSource;

    @Test
    void theApplicationConnectsWithItsOwnAccountOverLoopbackWithAuthentication() throws Exception {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT CURRENT_USER(), @@bind_address, @@skip_grant_tables, @@version, @@time_zone")) {
            rs.next();
            assertThat(rs.getString(1)).isEqualTo("berdaya_app@127.0.0.1");
            assertThat(rs.getString(2)).isEqualTo("127.0.0.1");
            assertThat(rs.getInt(3)).as("grant tables are on").isZero();
            assertThat(rs.getString(4)).startsWith("11.4");
            assertThat(rs.getString(5)).isEqualTo("+00:00");
        }
    }

    @Test
    void passwordsAreRequiredAndKeptInAnOwnerOnlyFile() throws Exception {
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(db.settings().credentialsFile())))
                .isEqualTo("rw-------");
        String url = "jdbc:mariadb://127.0.0.1:" + db.port() + "/?sslMode=disable";
        assertThatThrownBy(() -> DriverManager.getConnection(url, "root", "")).isInstanceOf(SQLException.class);
        assertThatThrownBy(() -> DriverManager.getConnection(url, "berdaya_app", "tebakan")).isInstanceOf(SQLException.class);
    }

    @Test
    void theApplicationAccountHasNoRightToChangeTheAuditTrailOrTheSchema() throws Exception {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            assertThatThrownBy(() -> s.executeUpdate("UPDATE audit_event SET action = 'X' WHERE id = 1"))
                    .hasMessageContaining("command denied");
            assertThatThrownBy(() -> s.executeUpdate("DELETE FROM audit_event"))
                    .hasMessageContaining("command denied");
            assertThatThrownBy(() -> s.execute("DROP TABLE app_user")).hasMessageContaining("command denied");
        }
    }

    @Test
    void aSecondUserOfTheSameDataDirectorySharesTheRunningServer() {
        EmbeddedMariaDb again = EmbeddedMariaDb.acquire(db.settings());
        try {
            assertThat(again).isSameAs(db);
            assertThat(again.port()).isEqualTo(db.port());
        } finally {
            again.release();
        }
    }
}
