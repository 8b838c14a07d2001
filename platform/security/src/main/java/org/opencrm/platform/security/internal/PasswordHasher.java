package org.opencrm.platform.security.internal;

import java.security.MessageDigest;
import java.security.SecureRandom;
import java.security.spec.KeySpec;
import java.util.Base64;

import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * Salted PBKDF2-HMAC-SHA256, stored as {@code pbkdf2-sha256$<iterations>$<salt>$<hash>} (Base64): each hash carries
 * its own iteration count, so hashes made with fewer iterations keep verifying and are replaced at the user's next
 * successful sign-in (see {@link #iterations}).
 */
final class PasswordHasher {
    /** OWASP's recommendation for PBKDF2-HMAC-SHA256 (Password Storage Cheat Sheet, 2023). */
    static final int RECOMMENDED_ITERATIONS = 600_000;
    /** What this platform used before; such hashes verify and are upgraded at the next sign-in. */
    static final int LEGACY_ITERATIONS = 120_000;
    private static final String SCHEME = "pbkdf2-sha256";
    private static final SecureRandom RANDOM = new SecureRandom();

    private PasswordHasher() {
    }

    static String hash(char[] password, int iterations) {
        byte[] salt = new byte[16];
        RANDOM.nextBytes(salt);
        return SCHEME + "$" + iterations + "$" + Base64.getEncoder().encodeToString(salt) + "$"
                + Base64.getEncoder().encodeToString(derive(password, salt, iterations));
    }

    static boolean verify(char[] password, String stored) {
        String[] parts = stored == null ? new String[0] : stored.split("\\$");
        int iterations = iterations(stored);
        if (iterations <= 0) {
            return false;
        }
        byte[] salt;
        byte[] expected;
        try {
            salt = Base64.getDecoder().decode(parts[2]);
            expected = Base64.getDecoder().decode(parts[3]);
        } catch (IllegalArgumentException badBase64) {
            return false;
        }
        return MessageDigest.isEqual(expected, derive(password, salt, iterations));
    }

    /** The iteration count a stored hash was made with, or -1 when it is not a hash of this scheme. */
    static int iterations(String stored) {
        String[] parts = stored == null ? new String[0] : stored.split("\\$");
        if (parts.length != 4 || !parts[0].equals(SCHEME)) {
            return -1;
        }
        try {
            int n = Integer.parseInt(parts[1]);
            return n > 0 ? n : -1;
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static byte[] derive(char[] password, byte[] salt, int iterations) {
        try {
            KeySpec spec = new PBEKeySpec(password, salt, iterations, 256);
            return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException("PBKDF2WithHmacSHA256 not available", e);
        }
    }

    /**
     * Spends the time of {@code iterations} PBKDF2 iterations on nothing: a hash made with fewer iterations than the
     * current count is topped up to it when its check fails, so that an existing user with an old hash does not answer
     * faster than an unknown user (checked against a dummy hash with the current count).
     */
    static void spend(int iterations) {
        if (iterations > 0) {
            byte[] salt = new byte[16];
            RANDOM.nextBytes(salt);
            derive("padding".toCharArray(), salt, iterations);
        }
    }

    /**
     * A stored hash that no password matches, for checking unknown users against: the scheme and {@code iterations}
     * with a random salt and random "derived" bytes. Verifying any password against it runs PBKDF2 with that
     * iteration count, exactly as for a real user's hash, so the time taken does not tell which names exist; and
     * making it hashes nothing (a hash of a random password, as before, cost one full PBKDF2 run at every start and
     * bought nothing more: no password is known to derive either value).
     */
    static String unmatchable(int iterations) {
        byte[] salt = new byte[16];
        byte[] derived = new byte[32];
        RANDOM.nextBytes(salt);
        RANDOM.nextBytes(derived);
        return SCHEME + "$" + iterations + "$" + Base64.getEncoder().encodeToString(salt) + "$"
                + Base64.getEncoder().encodeToString(derived);
    }

    /** A random password of letters and digits, for the generated initial admin password. */
    static String generate(int length) {
        String alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < length; i++) {
            sb.append(alphabet.charAt(RANDOM.nextInt(alphabet.length())));
        }
        return sb.toString();
    }
}
