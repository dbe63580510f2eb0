package id.berdaya.core.user;

import id.berdaya.core.security.BerdayaUser;
import jakarta.servlet.http.HttpSession;
import org.springframework.security.core.session.SessionInformation;
import org.springframework.security.core.session.SessionRegistry;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Ends a user's sessions through the session registry: all of them (disabled, new role, reset
 * password), or all but the one of the current request (the user changed their own password).
 * An ended session is refused at its next request.
 */
@Component
class UserSessions {

    private final SessionRegistry sessions;

    UserSessions(SessionRegistry sessions) {
        this.sessions = sessions;
    }

    void endAll(BerdayaUser user) {
        endAllBut(user, null);
    }

    void endAllButCurrent(BerdayaUser user) {
        endAllBut(user, currentSessionId());
    }

    private void endAllBut(BerdayaUser user, String keep) {
        for (SessionInformation s : sessions.getAllSessions(user, false)) {
            if (!s.getSessionId().equals(keep)) {
                s.expireNow();
            }
        }
    }

    /** The HTTP session of the request being served, without creating one. */
    private static String currentSessionId() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attrs) {
            HttpSession session = attrs.getRequest().getSession(false);
            return session == null ? null : session.getId();
        }
        return null;
    }
}
