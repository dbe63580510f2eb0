package id.berdaya.core.security;

import id.berdaya.core.RuleViolation;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PasswordPolicyTest {

    private static java.util.List<String> keys(String user, String password) {
        return PasswordPolicy.check(user, password).stream().map(RuleViolation.Problem::key).toList();
    }

    @Test
    void acceptsALongMixedPassword() {
        assertThat(keys("operator.purbalingga", "Berdaya#Demo2026")).isEmpty();
        assertThat(keys("budi", "kopi tubruk di alun-alun 7")).isEmpty();
    }

    @Test
    void rejectsShortPasswords() {
        assertThat(keys("budi", "Ab#1234567")).containsExactly("password.tooShort");
        assertThat(keys("budi", null)).containsExactly("password.tooShort");
    }

    @Test
    void rejectsLettersOnlyOrDigitsOnly() {
        assertThat(keys("budi", "abcdefghijklmn")).contains("password.needsVariety");
        assertThat(keys("budi", "12345678901234")).contains("password.needsVariety");
    }

    @Test
    void rejectsPasswordsContainingTheUserName() {
        assertThat(keys("operator", "xxOPERATORxx-99")).contains("password.containsUsername");
    }

    @Test
    void rejectsCommonAndRepetitivePasswords() {
        assertThat(keys("budi", "Password1234")).contains("password.tooCommon");
        assertThat(keys("budi", "aaaa1111aaaa1111")).contains("password.tooCommon");
    }

    @Test
    void rejectsOverlongPasswords() {
        assertThat(keys("budi", "a1".repeat(65))).contains("password.tooLong");
    }
}
