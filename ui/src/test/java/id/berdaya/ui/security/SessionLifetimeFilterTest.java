package id.berdaya.ui.security;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

class SessionLifetimeFilterTest {

    @Test
    void aSessionOlderThanTheAbsoluteLifetimeEndsHoweverActiveItIs() throws Exception {
        MockHttpSession session = new MockHttpSession();
        Instant created = Instant.ofEpochMilli(session.getCreationTime());
        Duration lifetime = Duration.ofHours(12);

        run(session, Clock.fixed(created.plus(lifetime).minusSeconds(1), ZoneOffset.UTC), lifetime);
        assertThat(session.isInvalid()).isFalse();

        run(session, Clock.fixed(created.plus(lifetime).plusSeconds(1), ZoneOffset.UTC), lifetime);
        assertThat(session.isInvalid()).isTrue();
    }

    private static void run(MockHttpSession session, Clock clock, Duration lifetime) throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/");
        request.setSession(session);
        MockFilterChain chain = new MockFilterChain();
        new SessionLifetimeFilter(lifetime, clock).doFilter(request, new MockHttpServletResponse(), chain);
        assertThat(chain.getRequest()).isNotNull();
    }
}
