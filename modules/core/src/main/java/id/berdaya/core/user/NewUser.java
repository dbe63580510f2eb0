package id.berdaya.core.user;

import id.berdaya.core.security.Role;

/** What an administrator enters to create a user; {@code kabkotaCode} only for district-level roles. */
public record NewUser(String username, String fullName, Role role, String kabkotaCode, String locale) {
}
