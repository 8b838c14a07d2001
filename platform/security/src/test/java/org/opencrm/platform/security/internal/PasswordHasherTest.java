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
    void theUnmatchableHashHasTheShapeAndCostOfARealOneAndNoPasswordMatchesIt() {
        String real = PasswordHasher.hash("s3cret-pass".toCharArray(), 1_000);
        String dummy = PasswordHasher.unmatchable(1_000);
        assertEquals(1_000, PasswordHasher.iterations(dummy), dummy);
        String[] r = real.split("\\$");
        String[] d = dummy.split("\\$");
        assertEquals(r.length, d.length);
        assertEquals(r[2].length(), d[2].length(), "salt of the same length");
        assertEquals(r[3].length(), d[3].length(), "derived bytes of the same length");
        assertNotEquals(dummy, PasswordHasher.unmatchable(1_000), "random each time");
        for (String tried : new String[] {"", "s3cret-pass", "admin", "password"}) {
            assertFalse(PasswordHasher.verify(tried.toCharArray(), dummy), tried);
        }
    }

    @Test
    void generatedPasswordsHaveTheLengthAsked() {
        assertEquals(16, PasswordHasher.generate(16).length());
    }
}
