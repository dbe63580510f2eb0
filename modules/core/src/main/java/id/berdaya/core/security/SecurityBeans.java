package id.berdaya.core.security;

import org.springframework.context.ApplicationContext;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.expression.spel.SpelCompilerMode;
import org.springframework.expression.spel.SpelParserConfiguration;
import org.springframework.expression.spel.standard.SpelExpressionParser;
import org.springframework.security.access.expression.method.DefaultMethodSecurityExpressionHandler;
import org.springframework.security.access.expression.method.MethodSecurityExpressionHandler;
import org.springframework.security.authorization.AuthorizationEventPublisher;
import org.springframework.security.authorization.SpringAuthorizationEventPublisher;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.core.session.SessionRegistry;
import org.springframework.security.core.session.SessionRegistryImpl;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

import java.time.Clock;
import java.util.Map;

/** Password hashing, method security, the session registry and the clock. */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
public class SecurityBeans {

    /**
     * Argon2id with OWASP's minimum (m = 19 MiB, t = 2, p = 1), behind Spring's delegating
     * encoder so stored hashes carry their algorithm ({@code {argon2}...}) and can be upgraded.
     */
    @Bean
    public PasswordEncoder passwordEncoder() {
        Argon2PasswordEncoder argon2 = new Argon2PasswordEncoder(16, 32, 1, 19 * 1024, 2);
        return new DelegatingPasswordEncoder("argon2", Map.of("argon2", argon2, "bcrypt", new BCryptPasswordEncoder()));
    }

    /**
     * Method security as Spring configures it, but with the {@code @PreAuthorize} expressions
     * compiled to bytecode once they have run a hundred times ({@code MIXED}: an expression that
     * cannot be compiled stays interpreted). Interpreted, {@code hasAnyRole(...)} cost 13 to 15 µs
     * per service call; compiled, 2 to 4 µs (measured by the register benchmark's
     * {@code whereTheServiceTimeGoes}, docs/benchmarks.md).
     */
    @Bean
    static MethodSecurityExpressionHandler methodSecurityExpressionHandler(ApplicationContext context) {
        DefaultMethodSecurityExpressionHandler handler = new DefaultMethodSecurityExpressionHandler();
        handler.setApplicationContext(context);
        handler.setExpressionParser(new SpelExpressionParser(
                new SpelParserConfiguration(SpelCompilerMode.MIXED, SecurityBeans.class.getClassLoader())));
        return handler;
    }

    /** Publishes refusals as events, so that refused service calls are audited (SecurityAuditListener). */
    @Bean
    public AuthorizationEventPublisher authorizationEventPublisher(ApplicationEventPublisher events) {
        return new SpringAuthorizationEventPublisher(events);
    }

    @Bean
    public SessionRegistry sessionRegistry() {
        return new SessionRegistryImpl();
    }

    @Bean
    public Clock clock() {
        return Clock.systemUTC();
    }
}
