package id.berdaya.core.user;

import id.berdaya.core.security.Role;

import java.time.Instant;

/** A user as the administration screens show it (never the password hash). */
public record UserAccount(long id, String username, String fullName, Role role, String kabkotaCode,
                          boolean enabled, boolean mustChangePassword, String locale,
                          Instant lastLoginAt, Instant lockedUntil, int version) {
}
