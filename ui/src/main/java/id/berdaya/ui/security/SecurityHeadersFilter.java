package id.berdaya.ui.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.web.header.HeaderWriter;
import org.springframework.security.web.header.writers.ContentSecurityPolicyHeaderWriter;
import org.springframework.security.web.header.writers.HstsHeaderWriter;
import org.springframework.security.web.header.writers.PermissionsPolicyHeaderWriter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.header.writers.XContentTypeOptionsHeaderWriter;
import org.springframework.security.web.header.writers.frameoptions.XFrameOptionsHeaderWriter;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.time.Duration;
import java.util.List;

/**
 * The security headers, written on every response before anything else runs. Spring Security's
 * header writer writes them lazily (when the response is committed through its wrapper, or after
 * the chain); the HTML documents that Vaadin serves (the login page and every view) came without
 * any of them, not even its Cache-Control, and with Vaadin's own {@code X-Frame-Options:
 * SAMEORIGIN} (IndexHtmlRequestHandler, set to DENY by {@code vaadin.frameOptions}). Written
 * first, they are on every response whatever path it takes. A writer leaves a header alone
 * that is already set, so Spring Security's own writers add no duplicates.
 * HSTS is written on HTTPS requests only (behind a trusted TLS proxy: X-Forwarded-Proto).
 */
class SecurityHeadersFilter extends OncePerRequestFilter {

    static final String CSP = String.join("; ",
            "default-src 'self'",
            // Vaadin Flow's bootstrap and executeJs need inline scripts and eval
            "script-src 'self' 'unsafe-inline' 'unsafe-eval'",
            "style-src 'self' 'unsafe-inline'",
            "img-src 'self' data: blob:",
            "font-src 'self' data:",
            "connect-src 'self'",
            "frame-ancestors 'none'",
            "form-action 'self'",
            "base-uri 'self'",
            "object-src 'none'");
    static final String PERMISSIONS = "camera=(), microphone=(), geolocation=(), payment=(), usb=()";

    private final List<HeaderWriter> writers;

    SecurityHeadersFilter(Duration hstsMaxAge) {
        HstsHeaderWriter hsts = new HstsHeaderWriter();
        hsts.setMaxAgeInSeconds(hstsMaxAge.toSeconds());
        hsts.setIncludeSubDomains(false);
        this.writers = List.of(
                new ContentSecurityPolicyHeaderWriter(CSP),
                new XContentTypeOptionsHeaderWriter(),
                new ReferrerPolicyHeaderWriter(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN),
                new PermissionsPolicyHeaderWriter(PERMISSIONS),
                new XFrameOptionsHeaderWriter(XFrameOptionsHeaderWriter.XFrameOptionsMode.DENY),
                hsts);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        writers.forEach(w -> w.writeHeaders(request, response));
        chain.doFilter(request, response);
    }
}
