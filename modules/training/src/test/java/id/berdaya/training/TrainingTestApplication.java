package id.berdaya.training;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;

/** core, registry and training on the embedded MariaDB, for the training module's service tests. */
@SpringBootConfiguration
@EnableAutoConfiguration
@ComponentScan(basePackages = {"id.berdaya.core", "id.berdaya.registry", "id.berdaya.training"},
        excludeFilters = @ComponentScan.Filter(type = FilterType.REGEX, pattern = "id\\.berdaya\\..*TestApplication"))
public class TrainingTestApplication {
}
