package id.berdaya.monitoring;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;

/** core, registry, training, grants and monitoring on the embedded MariaDB, for the monitoring module's service tests. */
@SpringBootConfiguration
@EnableAutoConfiguration
@ComponentScan(basePackages = {"id.berdaya.core", "id.berdaya.registry", "id.berdaya.training", "id.berdaya.grants", "id.berdaya.monitoring"},
        excludeFilters = @ComponentScan.Filter(type = FilterType.REGEX, pattern = "id\\.berdaya\\..*TestApplication"))
public class MonitoringTestApplication {
}
