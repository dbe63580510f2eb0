package id.berdaya.core.security;

import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

import java.io.Serial;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

/**
 * The logged-in user as Spring Security holds it. Equality is by user id, so that the session
 * registry finds every session of a user even after their name or role changed.
 */
public final class BerdayaUser implements UserDetails, CredentialsContainer {

    @Serial
    private static final long serialVersionUID = 1L;

    private final long id;
    private final String username;
    private final String fullName;
    private final Role role;
    private final String kabkotaCode;
    private final boolean enabled;
    private final boolean locked;
    private String passwordHash;

    public BerdayaUser(long id, String username, String fullName, Role role, String kabkotaCode,
                       boolean enabled, boolean locked, String passwordHash) {
        this.id = id;
        this.username = username;
        this.fullName = fullName;
        this.role = role;
        this.kabkotaCode = kabkotaCode;
        this.enabled = enabled;
        this.locked = locked;
        this.passwordHash = passwordHash;
    }

    public long id() {
        return id;
    }

    public String fullName() {
        return fullName;
    }

    public Role role() {
        return role;
    }

    /** The kabupaten/kota of a district-level user; null for province roles. */
    public String kabkotaCode() {
        return kabkotaCode;
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return List.of(new SimpleGrantedAuthority(role.authority()));
    }

    @Override
    public String getPassword() {
        return passwordHash;
    }

    @Override
    public String getUsername() {
        return username;
    }

    @Override
    public boolean isEnabled() {
        return enabled;
    }

    @Override
    public boolean isAccountNonLocked() {
        return !locked;
    }

    @Override
    public void eraseCredentials() {
        passwordHash = null;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof BerdayaUser other && other.id == id;
    }

    @Override
    public int hashCode() {
        return Objects.hashCode(id);
    }

    @Override
    public String toString() {
        return username + " (" + role + (kabkotaCode == null ? "" : ", " + kabkotaCode) + ")";
    }
}
