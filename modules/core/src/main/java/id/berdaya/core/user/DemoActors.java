package id.berdaya.core.user;

import id.berdaya.core.security.BerdayaUser;
import id.berdaya.core.security.Role;
import org.springframework.context.annotation.Profile;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * The demo seeding's actors: each module's demo data is made through its services, as the demo
 * account that would do it (so it is checked and audited like a user's work). Demo profile only.
 */
@Component
@Profile("demo")
public class DemoActors {

    private final UserService users;

    DemoActors(UserService users) {
        this.users = users;
    }

    /** A demo account by name, as the province administrator sees it. */
    public UserAccount account(String username) {
        actAs(new BerdayaUser(0, "admin.provinsi", "Admin Provinsi (Demo)", Role.PROVINCE_ADMIN, null, true, false, null));
        return users.page(new UserFilter(username, null, null, null), 0, 10).stream()
                .filter(u -> u.username().equals(username)).findFirst()
                .orElseThrow(() -> new IllegalStateException("demo account " + username + " missing"));
    }

    /** Makes this demo account the current user of the calling thread. */
    public BerdayaUser actAs(String username) {
        UserAccount a = account(username);
        return actAs(new BerdayaUser(a.id(), a.username(), a.fullName(), a.role(), a.kabkotaCode(), true, false, null));
    }

    /** Makes this user the current one of the calling thread. */
    public static BerdayaUser actAs(BerdayaUser u) {
        SecurityContextHolder.getContext().setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated(u, null, u.getAuthorities()));
        return u;
    }
}
