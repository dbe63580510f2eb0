package id.berdaya.core.database;

import java.nio.file.Path;

/**
 * Where and how the embedded MariaDB runs.
 *
 * @param home        folder holding {@code credentials.properties} (owner-only) and MariaDB's
 *                    {@code tmp/} beside the data; its path may be of any length (the Unix socket
 *                    lives elsewhere, see {@link MariaDbProcess})
 * @param dataDir     MariaDB's data directory (persistent)
 * @param baseDir     the unpacked server binaries, shared by every data directory of this version
 * @param port        TCP port on 127.0.0.1; 0 picks a free one
 * @param schema      the application's database (schema) name
 * @param bufferPool  {@code innodb_buffer_pool_size}, e.g. {@code 256M} or {@code 1G}
 * @param redoLog     {@code innodb_log_file_size}, e.g. {@code 96M} or {@code 1G}
 */
public record EmbeddedDatabaseSettings(Path home, Path dataDir, Path baseDir, int port, String schema, String bufferPool,
                                       String redoLog) {

    private static final java.util.regex.Pattern SIZE = java.util.regex.Pattern.compile("[1-9][0-9]*[KMG]?");

    public EmbeddedDatabaseSettings {
        for (String size : new String[] {bufferPool, redoLog}) {
            if (size == null || !SIZE.matcher(size).matches()) {
                throw new EmbeddedDatabaseException("Not a size for the embedded MariaDB: '" + size
                        + "' (a number of bytes, optionally with K, M or G, e.g. 512M)");
            }
        }
    }

    /** The defaults of {@code berdaya.embedded.buffer-pool-size} and {@code berdaya.embedded.redo-log-size}. */
    public EmbeddedDatabaseSettings(Path home, Path dataDir, Path baseDir, int port, String schema) {
        this(home, dataDir, baseDir, port, schema, DEFAULT_BUFFER_POOL, DEFAULT_REDO_LOG);
    }

    public static final String DEFAULT_BUFFER_POOL = "256M";
    public static final String DEFAULT_REDO_LOG = "96M";

    public Path credentialsFile() {
        return home.resolve("credentials.properties");
    }

    public Path pidFile() {
        return dataDir.resolve("mariadbd.pid");
    }

    /** MariaDB's {@code --tmpdir} (temporary tables and sort files), beside the data rather than in a small tmpfs. */
    public Path tmpDir() {
        return home.resolve("tmp");
    }
}
