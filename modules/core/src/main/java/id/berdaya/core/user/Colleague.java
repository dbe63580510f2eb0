package id.berdaya.core.user;

/** An account as another module names it in an assignment: no role data, no login data. */
public record Colleague(long id, String username, String fullName) {
}
