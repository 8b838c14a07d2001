package org.opencrm.platform.api.security;

import java.time.Duration;
import java.util.Optional;

/**
 * The answer to a sign-in attempt.
 * <ul>
 * <li>{@link Outcome#SIGNED_IN}: {@link #user()} is set, and {@link #securityStamp()} is the user's security stamp
 * at this moment: pass it to {@link UserService#isCurrent} on later requests to learn whether the sign-in still
 * holds (it stops holding when the user is disabled or their password, roles or data scope change).</li>
 * <li>{@link Outcome#REFUSED}: wrong user name or password, or a disabled user (one answer for all three).</li>
 * <li>{@link Outcome#THROTTLED}: too many failed sign-ins for this user name or from this address; nothing was
 * checked. Try again after {@link #retryAfter()}.</li>
 * <li>{@link Outcome#BUSY}: too many sign-ins are being checked at once; try again after {@link #retryAfter()}.</li>
 * </ul>
 */
public record SignInResult(Outcome outcome, CrmUser user, long securityStamp, Duration retryAfter) {
    public enum Outcome {
        SIGNED_IN, REFUSED, THROTTLED, BUSY
    }

    public static SignInResult signedIn(CrmUser user, long securityStamp) {
        return new SignInResult(Outcome.SIGNED_IN, user, securityStamp, Duration.ZERO);
    }

    public static SignInResult refused() {
        return new SignInResult(Outcome.REFUSED, null, 0, Duration.ZERO);
    }

    public static SignInResult throttled(Duration retryAfter) {
        return new SignInResult(Outcome.THROTTLED, null, 0, retryAfter);
    }

    public static SignInResult busy(Duration retryAfter) {
        return new SignInResult(Outcome.BUSY, null, 0, retryAfter);
    }

    public boolean signedIn() {
        return outcome == Outcome.SIGNED_IN;
    }

    public Optional<CrmUser> signedInUser() {
        return Optional.ofNullable(user);
    }

    /** Whole seconds to wait (at least 1) for THROTTLED and BUSY, 0 otherwise: the value of an HTTP Retry-After. */
    public long retryAfterSeconds() {
        if (retryAfter == null || retryAfter.isZero() || retryAfter.isNegative()) {
            return outcome == Outcome.THROTTLED || outcome == Outcome.BUSY ? 1 : 0;
        }
        return Math.max(1, (retryAfter.toMillis() + 999) / 1000);
    }
}
