package org.opencrm.platform.security.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PasswordHasherTest {
    @Test
    void hashesAreSaltedAndVerify() {
        String a = PasswordHasher.hash("s3cret-pass".toCharArray());
        String b = PasswordHasher.hash("s3cret-pass".toCharArray());
        assertNotEquals(a, b, "same password must hash differently (salt)");
        assertTrue(a.startsWith("pbkdf2-sha256$" + PasswordHasher.ITERATIONS + "$"));
        assertTrue(PasswordHasher.verify("s3cret-pass".toCharArray(), a));
        assertFalse(PasswordHasher.verify("s3cret-pasS".toCharArray(), a));
        assertFalse(PasswordHasher.verify("x".toCharArray(), "plain"));
    }

    @Test
    void generatedPasswordsHaveTheLengthAsked() {
        assertEquals(16, PasswordHasher.generate(16).length());
    }
}
