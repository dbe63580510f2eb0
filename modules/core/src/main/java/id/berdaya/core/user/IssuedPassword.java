package id.berdaya.core.user;

/** A user with a temporary password to hand over once; it must be changed at first login. */
public record IssuedPassword(UserAccount user, String temporaryPassword) {

    @Override
    public String toString() {
        return "IssuedPassword[" + user.username() + "]";
    }
}
