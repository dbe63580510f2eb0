package id.berdaya.core.user;

import id.berdaya.core.security.Role;

/** Filter of the user list; every field is optional. {@code text} matches user name or full name. */
public record UserFilter(String text, Role role, String kabkotaCode, Boolean enabled) {

    public static UserFilter none() {
        return new UserFilter(null, null, null, null);
    }
}
