package id.berdaya.core.database;

import org.jooq.conf.RenderQuotedNames;
import org.springframework.boot.jooq.autoconfigure.DefaultConfigurationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** jOOQ settings shared by every module: optimistic locking on {@code version} columns. */
@Configuration(proxyBeanMethods = false)
public class JooqSettings {

    @Bean
    DefaultConfigurationCustomizer berdayaJooqSettings() {
        return c -> c.settings()
                .withExecuteWithOptimisticLocking(true)
                .withExecuteWithOptimisticLockingExcludeUnversioned(true)
                .withRenderQuotedNames(RenderQuotedNames.EXPLICIT_DEFAULT_QUOTED)
                .withRenderSchema(false);
    }
}
