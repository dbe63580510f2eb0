package id.berdaya.ui.security;

import com.vaadin.flow.spring.security.VaadinSecurityConfigurer;
import id.berdaya.ui.views.LoginView;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.core.session.SessionRegistry;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.session.HttpSessionEventPublisher;

/**
 * HTTP security: Vaadin's configurer with the login view, the session registry (so that
 * disabling a user ends their sessions), and security headers with a Content-Security-Policy
 * that Vaadin Flow works with (it needs inline scripts and styles for its bootstrap).
 */
@Configuration
@EnableWebSecurity
class SecurityConfiguration {

    static final String CSP = String.join("; ",
            "default-src 'self'",
            "script-src 'self' 'unsafe-inline' 'unsafe-eval'",
            "style-src 'self' 'unsafe-inline'",
            "img-src 'self' data: blob:",
            "font-src 'self' data:",
            "connect-src 'self' ws: wss:",
            "frame-ancestors 'none'",
            "form-action 'self'",
            "base-uri 'self'",
            "object-src 'none'");

    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http, SessionRegistry sessionRegistry) throws Exception {
        http.authorizeHttpRequests(a -> a.requestMatchers("/styles/**", "/icons/**").permitAll());
        http.sessionManagement(s -> s.maximumSessions(-1).sessionRegistry(sessionRegistry).expiredUrl("/login?expired"));
        http.headers(h -> h
                .contentSecurityPolicy(c -> c.policyDirectives(CSP))
                .referrerPolicy(r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN))
                .permissionsPolicyHeader(p -> p.policy("camera=(), microphone=(), geolocation=()"))
                .frameOptions(f -> f.deny()));
        http.with(VaadinSecurityConfigurer.vaadin(), c -> c.loginView(LoginView.class));
        return http.build();
    }

    /** Keeps the session registry in step with sessions that time out or end. */
    @Bean
    HttpSessionEventPublisher httpSessionEventPublisher() {
        return new HttpSessionEventPublisher();
    }
}
