package id.berdaya.core.security;

import id.berdaya.core.RuleViolation;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What a password must be: 12 to 128 characters, letters and at least one digit or symbol,
 * not containing the user name, not one of the passwords every attacker tries first.
 */
public final class PasswordPolicy {

    public static final int MIN_LENGTH = 12;
    public static final int MAX_LENGTH = 128;
    private static final Set<String> COMMON = Set.of(
            "password1234", "passwordpassword", "123456789012", "qwertyuiopas", "administrator",
            "jawatengah123", "berdaya12345", "dinassosial1", "indonesia123", "bismillah123");

    private PasswordPolicy() {
    }

    /** The broken rules as message keys; empty when the password is acceptable. */
    public static List<RuleViolation.Problem> check(String username, String password) {
        List<RuleViolation.Problem> problems = new ArrayList<>();
        String field = "password";
        if (password == null || password.length() < MIN_LENGTH) {
            problems.add(new RuleViolation.Problem(field, "password.tooShort", MIN_LENGTH));
            return problems;
        }
        if (password.length() > MAX_LENGTH) {
            problems.add(new RuleViolation.Problem(field, "password.tooLong", MAX_LENGTH));
        }
        boolean letter = password.chars().anyMatch(Character::isLetter);
        boolean other = password.chars().anyMatch(c -> !Character.isLetter(c));
        if (!letter || !other) {
            problems.add(new RuleViolation.Problem(field, "password.needsVariety"));
        }
        String lower = password.toLowerCase(Locale.ROOT);
        if (username != null && username.length() >= 3 && lower.contains(username.toLowerCase(Locale.ROOT))) {
            problems.add(new RuleViolation.Problem(field, "password.containsUsername"));
        }
        if (COMMON.contains(lower) || lower.chars().distinct().count() < 4) {
            problems.add(new RuleViolation.Problem(field, "password.tooCommon"));
        }
        return problems;
    }

    public static void require(String username, String password) {
        List<RuleViolation.Problem> problems = check(username, password);
        if (!problems.isEmpty()) {
            throw new RuleViolation(problems);
        }
    }
}
