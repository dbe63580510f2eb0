package id.berdaya.core.security;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

import java.util.Optional;

/** The user of the current request or UI access, from Spring Security's context. */
public final class CurrentUser {

    private CurrentUser() {
    }

    public static Optional<BerdayaUser> get() {
        Authentication a = SecurityContextHolder.getContext().getAuthentication();
        if (a != null && a.isAuthenticated() && a.getPrincipal() instanceof BerdayaUser u) {
            return Optional.of(u);
        }
        return Optional.empty();
    }

    /** The current user; fails closed when there is none. */
    public static BerdayaUser require() {
        return get().orElseThrow(() -> new org.springframework.security.access.AccessDeniedException("no authenticated Berdaya user"));
    }
}
