package org.opencrm.platform.security.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PasswordHasherTest {
    @Test
    void hashesAreSaltedCarryTheirIterationsAndVerify() {
        String a = PasswordHasher.hash("s3cret-pass".toCharArray(), PasswordHasher.RECOMMENDED_ITERATIONS);
        String b = PasswordHasher.hash("s3cret-pass".toCharArray(), PasswordHasher.RECOMMENDED_ITERATIONS);
        assertNotEquals(a, b, "same password must hash differently (salt)");
        assertTrue(a.startsWith("pbkdf2-sha256$600000$"), a);
        assertEquals(600_000, PasswordHasher.iterations(a));
        assertTrue(PasswordHasher.verify("s3cret-pass".toCharArray(), a));
        assertFalse(PasswordHasher.verify("s3cret-pasS".toCharArray(), a));
    }

    @Test
    void olderHashesStillVerifyWithTheirOwnIterationCount() {
        String legacy = PasswordHasher.hash("old-pass-1".toCharArray(), PasswordHasher.LEGACY_ITERATIONS);
        assertEquals(120_000, PasswordHasher.iterations(legacy));
        assertTrue(PasswordHasher.verify("old-pass-1".toCharArray(), legacy));
    }

    @Test
    void whatIsNotAHashOfTheSchemeNeverVerifies() {
        assertFalse(PasswordHasher.verify("x".toCharArray(), "plain"));
        assertFalse(PasswordHasher.verify("x".toCharArray(), null));
        assertFalse(PasswordHasher.verify("x".toCharArray(), "pbkdf2-sha256$abc$AAAA$AAAA"));
        assertFalse(PasswordHasher.verify("x".toCharArray(), "pbkdf2-sha256$1000$%%%$AAAA"));
        assertEquals(-1, PasswordHasher.iterations("md5$1$2$3"));
    }

    @Test
    void generatedPasswordsHaveTheLengthAsked() {
        assertEquals(16, PasswordHasher.generate(16).length());
    }
}
