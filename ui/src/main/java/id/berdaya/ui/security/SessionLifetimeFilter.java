package id.berdaya.ui.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;

/**
 * Ends a session older than the absolute lifetime ({@code berdaya.session.absolute-lifetime},
 * 12 h), however active it is: the idle timeout alone lets a busy (or stolen) session live for
 * ever. It runs before Spring Security, which then finds no login and sends the user to it.
 */
class SessionLifetimeFilter extends OncePerRequestFilter {

    private final Duration lifetime;
    private final Clock clock;

    SessionLifetimeFilter(Duration lifetime, Clock clock) {
        this.lifetime = lifetime;
        this.clock = clock;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        HttpSession session = request.getSession(false);
        if (session != null && expired(session)) {
            try {
                session.invalidate();
            } catch (IllegalStateException alreadyInvalid) {
                // ended by another request meanwhile
            }
        }
        chain.doFilter(request, response);
    }

    private boolean expired(HttpSession session) {
        try {
            return clock.millis() - session.getCreationTime() > lifetime.toMillis();
        } catch (IllegalStateException alreadyInvalid) {
            return false;
        }
    }
}
