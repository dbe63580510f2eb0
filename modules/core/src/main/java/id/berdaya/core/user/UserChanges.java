package id.berdaya.core.user;

import id.berdaya.core.security.Role;

/** An administrator's edit of a user, against the version they saw. */
public record UserChanges(String fullName, Role role, String kabkotaCode, int version) {
}
