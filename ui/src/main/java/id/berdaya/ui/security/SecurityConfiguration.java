package id.berdaya.ui.security;

import com.vaadin.flow.spring.security.VaadinSecurityConfigurer;
import id.berdaya.ui.views.LoginView;
import jakarta.servlet.DispatcherType;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.core.session.SessionRegistry;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.session.HttpSessionEventPublisher;

import java.time.Clock;
import java.time.Duration;

/**
 * HTTP security: Vaadin's configurer with the login view, the session registry (so that
 * disabling a user ends their sessions), the security headers on every response and the
 * absolute session lifetime.
 */
@Configuration
@EnableWebSecurity
class SecurityConfiguration {

    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http, SessionRegistry sessionRegistry) throws Exception {
        http.authorizeHttpRequests(a -> a.requestMatchers("/styles/**", "/icons/**").permitAll());
        http.sessionManagement(s -> s.maximumSessions(-1).sessionRegistry(sessionRegistry).expiredUrl("/login?expired"));
        // the same headers as SecurityHeadersFilter, for responses Spring Security writes itself
        http.headers(h -> h
                .contentSecurityPolicy(c -> c.policyDirectives(SecurityHeadersFilter.CSP))
                .referrerPolicy(r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN))
                .permissionsPolicyHeader(p -> p.policy(SecurityHeadersFilter.PERMISSIONS))
                .frameOptions(f -> f.deny()));
        http.with(VaadinSecurityConfigurer.vaadin(), c -> c.loginView(LoginView.class));
        return http.build();
    }

    /** Security headers on every response, Vaadin's pages included (before any other filter). */
    @Bean
    FilterRegistrationBean<SecurityHeadersFilter> securityHeadersFilter(
            @Value("${berdaya.security.hsts-max-age:P365D}") Duration hstsMaxAge) {
        var registration = new FilterRegistrationBean<>(new SecurityHeadersFilter(hstsMaxAge));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        registration.setDispatcherTypes(DispatcherType.REQUEST, DispatcherType.ERROR, DispatcherType.ASYNC);
        return registration;
    }

    /** Ends sessions older than the absolute lifetime, before Spring Security reads them. */
    @Bean
    FilterRegistrationBean<SessionLifetimeFilter> sessionLifetimeFilter(
            @Value("${berdaya.session.absolute-lifetime:PT12H}") Duration lifetime, Clock clock) {
        var registration = new FilterRegistrationBean<>(new SessionLifetimeFilter(lifetime, clock));
        registration.setOrder(-110); // Spring Security's filter chain runs at -100
        return registration;
    }

    /** Keeps the session registry in step with sessions that time out or end. */
    @Bean
    HttpSessionEventPublisher httpSessionEventPublisher() {
        return new HttpSessionEventPublisher();
    }
}
