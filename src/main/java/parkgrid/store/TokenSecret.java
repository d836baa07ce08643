package parkgrid.store;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * The text of a bearer token and the hash a store keeps of it.
 *
 * <p>A token is 256 random bits from {@link SecureRandom}, written as {@code pgt_} and 43 base64url
 * characters (the prefix lets secret scanners and people recognise a ParkGrid token in a log or a paste).
 * The store keeps SHA-256 of the text, hex. A plain fast hash is the right one here, unlike for passwords:
 * slow, salted hashes (bcrypt, Argon2) exist to make guessing <em>low-entropy</em> secrets expensive, but
 * there is nothing to guess in 2^256 random values, so a stolen hash cannot be turned back into a token.
 * And an unsalted hash can be looked up through a unique index on every request, where a salted one would
 * mean testing every stored token in turn.
 */
public final class TokenSecret {
    static final String PREFIX = "pgt_";
    private static final SecureRandom RANDOM = new SecureRandom();

    private TokenSecret() {}

    /** A new token text: {@code pgt_} and 256 random bits in base64url without padding. */
    static String generate() {
        byte[] bits = new byte[32];
        RANDOM.nextBytes(bits);
        return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bits);
    }

    /** Whether {@code text} has the shape {@link #generate} gives; anything else cannot be a token. */
    public static boolean isWellFormed(String text) {
        return text != null && text.length() == PREFIX.length() + 43 && text.startsWith(PREFIX)
                && text.substring(PREFIX.length()).matches("[A-Za-z0-9_-]{43}");
    }

    /** SHA-256 of the token's UTF-8 text, as 64 lower-case hex digits: what the store keeps. */
    public static String hash(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
