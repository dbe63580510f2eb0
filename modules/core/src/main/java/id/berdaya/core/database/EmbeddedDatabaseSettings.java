package id.berdaya.core.database;

import java.nio.file.Path;

/**
 * Where and how the embedded MariaDB runs.
 *
 * @param home        folder holding {@code credentials.properties} (owner-only) beside the data
 * @param dataDir     MariaDB's data directory (persistent; never under {@code java.io.tmpdir})
 * @param baseDir     the unpacked server binaries, shared by every data directory of this version
 * @param port        TCP port on 127.0.0.1; 0 picks a free one
 * @param schema      the application's database (schema) name
 */
public record EmbeddedDatabaseSettings(Path home, Path dataDir, Path baseDir, int port, String schema) {

    public Path credentialsFile() {
        return home.resolve("credentials.properties");
    }

    public Path pidFile() {
        return dataDir.resolve("mariadbd.pid");
    }

    public Path socketFile() {
        return home.resolve("mariadbd.sock");
    }
}
