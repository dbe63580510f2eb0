package id.berdaya.core.security;

import java.security.SecureRandom;
import java.util.Base64;

/** Unguessable codes of printed records that a public check looks up (a certificate's, a handover record's). */
public final class PublicCode {

    /** Random bytes in a code: 144 bits, 24 characters of base64url. */
    public static final int BYTES = 18;
    private static final SecureRandom RANDOM = new SecureRandom();

    private PublicCode() {
    }

    /** A new code of {@link #BYTES} random bytes in base64url without padding. */
    public static String next() {
        byte[] bytes = new byte[BYTES];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** Whether {@code code} has the shape of a code (checked before any lookup). */
    public static boolean wellFormed(String code) {
        return code != null && code.matches("[A-Za-z0-9_-]{16,40}");
    }
}
