package id.berdaya;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurationExcludeFilter;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.context.TypeExcludeFilter;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Berdaya: the modules (core, and the feature modules as they arrive) combined into one
 * Vaadin application. Scans {@code id.berdaya}; the test applications that the modules ship
 * in their test jars, and the deliberately broken fixtures of the architecture test, are left out.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@ComponentScan(excludeFilters = {
        @ComponentScan.Filter(type = FilterType.CUSTOM, classes = TypeExcludeFilter.class),
        @ComponentScan.Filter(type = FilterType.CUSTOM, classes = AutoConfigurationExcludeFilter.class),
        @ComponentScan.Filter(type = FilterType.REGEX, pattern = {"id\\.berdaya\\..*TestApplication", "id\\.berdaya\\.(ui\\.)?archfixture\\..*"})})
@EnableScheduling
public class BerdayaApplication {

    public static void main(String[] args) {
        SpringApplication.run(BerdayaApplication.class, args);
    }
}
