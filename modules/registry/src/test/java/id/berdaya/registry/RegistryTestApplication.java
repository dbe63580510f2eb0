package id.berdaya.registry;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;

/** core and registry on the embedded MariaDB, for the registry's service tests. */
@SpringBootConfiguration
@EnableAutoConfiguration
@ComponentScan(basePackages = {"id.berdaya.core", "id.berdaya.registry"},
        excludeFilters = @ComponentScan.Filter(type = FilterType.REGEX, pattern = "id\\.berdaya\\..*TestApplication"))
public class RegistryTestApplication {
}
