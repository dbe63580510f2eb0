package id.berdaya.registry.synthetic;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;
import org.springframework.core.env.Environment;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The synthetic data generator as a command: adds N synthetic beneficiaries to the register, on
 * the embedded database (default {@code ~/.berdaya/mariadb}, the application must not be running)
 * or on the database in {@code SPRING_DATASOURCE_URL}. Migrates the schema first if needed.
 *
 * <p>Deliberately not a {@code @Configuration}: the application's and the tests' component scans
 * must not pick it up; Spring reads its annotations only when it is the source of this command.
 *
 * <pre>./mvnw -pl modules/registry -am compile exec:java -Dexec.args="100000 [--seed=1] [--berdaya.embedded.dir=...]"</pre>
 */
@EnableAutoConfiguration
@ComponentScan(basePackages = {"id.berdaya.core", "id.berdaya.registry"},
        excludeFilters = @ComponentScan.Filter(type = FilterType.REGEX,
                pattern = {"id\\.berdaya\\..*TestApplication", "id\\.berdaya\\.core\\.user\\.(FirstRunAdmin|DemoAccounts.*)",
                        // the application's import housekeeping must not touch a running application's imports
                        "id\\.berdaya\\.registry\\.imports\\.ImportRecovery"}))
public class GenerateBeneficiaries {

    public static void main(String[] args) {
        int count = 0;
        long seed = System.currentTimeMillis();
        List<String> springArgs = new ArrayList<>();
        for (String a : args) {
            if (a.startsWith("--seed=")) {
                seed = Long.parseLong(a.substring("--seed=".length()));
            } else if (a.startsWith("--")) {
                springArgs.add(a);
            } else {
                count = Integer.parseInt(a.replace("_", "").replace(".", ""));
            }
        }
        if (count <= 0) {
            System.err.println("Usage: GenerateBeneficiaries <count> [--seed=N] [--berdaya.embedded.dir=DIR | --spring.datasource.url=...]");
            System.exit(2);
        }
        try (ConfigurableApplicationContext ctx = new SpringApplicationBuilder(GenerateBeneficiaries.class)
                .web(WebApplicationType.NONE)
                .profiles(SyntheticRegister.PROFILE)
                .properties(Map.of("spring.main.banner-mode", "off", "spring.jooq.sql-dialect", "MARIADB",
                        "logging.level.ch.vorburger", "WARN", "logging.level.org.jooq.Constants", "WARN"))
                .run(springArgs.toArray(String[]::new))) {
            SyntheticRegister register = ctx.getBean(SyntheticRegister.class);
            SyntheticRegister.Result r = register.generate(count, seed, SyntheticRegister.GENERATOR, 2, 0.005);
            System.out.printf("Wrote %,d synthetic beneficiaries (ids %d-%d, %d possible-duplicate pairs) in %.1f s (%,.0f rows/s) "
                            + "to %s; the register now holds %,d.%n", r.people(), r.firstId(), r.lastId(), r.duplicatePairs(),
                    r.millis() / 1000.0, r.rowsPerSecond(), where(ctx.getEnvironment()), register.total());
        }
    }

    private static String where(Environment env) {
        String url = env.getProperty("spring.datasource.url");
        if (url != null && !url.isBlank()) {
            return url.replaceAll("\\?.*", "");
        }
        String dataDir = env.getProperty("berdaya.embedded.data-dir", "");
        return "the embedded MariaDB in " + (dataDir.isBlank()
                ? env.getProperty("berdaya.embedded.dir", System.getProperty("user.home") + "/.berdaya/mariadb") + "/data"
                : dataDir);
    }
}
