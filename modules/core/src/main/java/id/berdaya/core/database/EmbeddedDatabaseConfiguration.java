package id.berdaya.core.database;

import org.flywaydb.core.Flyway;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.flyway.autoconfigure.FlywayConnectionDetails;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.type.AnnotatedTypeMetadata;

import java.nio.file.Path;

/**
 * With no {@code spring.datasource.url}, Berdaya runs on its own embedded MariaDB: the
 * application connects as {@code berdaya_app}, Flyway as {@code berdaya_owner}, and after each
 * migration the application account receives its table rights. With a URL set, nothing here
 * is created and Boot connects to that server as configured.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(EmbeddedDatabaseConfiguration.NoExternalDatabase.class)
public class EmbeddedDatabaseConfiguration {

    @Bean(destroyMethod = "release")
    EmbeddedMariaDb embeddedMariaDb(
            @Value("${berdaya.embedded.dir:${user.home}/.berdaya/mariadb}") String home,
            @Value("${berdaya.embedded.data-dir:}") String dataDir,
            @Value("${berdaya.embedded.base-dir:${user.home}/.berdaya/mariadb-11.4.5}") String baseDir,
            @Value("${berdaya.embedded.port:3307}") int port,
            @Value("${berdaya.embedded.schema:berdaya}") String schema,
            @Value("${berdaya.embedded.fresh:false}") boolean fresh,
            @Value("${berdaya.embedded.buffer-pool-size:" + EmbeddedDatabaseSettings.DEFAULT_BUFFER_POOL + "}") String bufferPool,
            @Value("${berdaya.embedded.redo-log-size:" + EmbeddedDatabaseSettings.DEFAULT_REDO_LOG + "}") String redoLog) {
        Path data = dataDir.isBlank() ? Path.of(home, "data") : Path.of(dataDir);
        Path homeDir = dataDir.isBlank() ? Path.of(home) : data.toAbsolutePath().getParent();
        return EmbeddedMariaDb.acquire(new EmbeddedDatabaseSettings(homeDir, data, Path.of(baseDir), port, schema, bufferPool, redoLog),
                fresh);
    }

    @Bean
    JdbcConnectionDetails embeddedJdbcConnectionDetails(EmbeddedMariaDb db) {
        return new JdbcConnectionDetails() {
            @Override
            public String getUsername() {
                return db.appUser();
            }

            @Override
            public String getPassword() {
                return db.appPassword();
            }

            @Override
            public String getJdbcUrl() {
                return db.jdbcUrl();
            }
        };
    }

    @Bean
    FlywayConnectionDetails embeddedFlywayConnectionDetails(EmbeddedMariaDb db) {
        return new FlywayConnectionDetails() {
            @Override
            public String getUsername() {
                return db.ownerUser();
            }

            @Override
            public String getPassword() {
                return db.ownerPassword();
            }

            @Override
            public String getJdbcUrl() {
                return db.jdbcUrl();
            }
        };
    }

    @Bean
    FlywayMigrationStrategy migrateThenGrant(EmbeddedMariaDb db) {
        return (Flyway flyway) -> {
            flyway.migrate();
            db.grantApplicationAccount();
        };
    }

    static final class NoExternalDatabase implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            String url = context.getEnvironment().getProperty("spring.datasource.url");
            return url == null || url.isBlank();
        }
    }
}
