package id.berdaya.grants;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;

/** core, registry, training and grants on the embedded MariaDB, for the grants module's service tests. */
@SpringBootConfiguration
@EnableAutoConfiguration
@ComponentScan(basePackages = {"id.berdaya.core", "id.berdaya.registry", "id.berdaya.training", "id.berdaya.grants"},
        excludeFilters = @ComponentScan.Filter(type = FilterType.REGEX, pattern = "id\\.berdaya\\..*TestApplication"))
public class GrantsTestApplication {
}
