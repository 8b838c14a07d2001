package org.opencrm.platform.api.security;

/**
 * Where a sign-in attempt comes from: the entrance ({@link #REST}, {@link #UI}, {@link #SSH}), the peer address of
 * the connection and, when the peer is a reverse proxy, the {@code X-Forwarded-For} header it sent. The user store
 * decides which address is the client's (it believes the header only from the configured trusted proxies); the
 * address is what the per-address back-off counts and what the log and the audit trail show.
 */
public record SignInOrigin(String channel, String peerAddress, String forwardedFor) {
    public static final String REST = "rest";
    public static final String UI = "ui";
    public static final String SSH = "ssh";

    /** An attempt whose address is unknown (e.g. a caller of the deprecated {@code authenticate}). */
    public static SignInOrigin unknown(String channel) {
        return new SignInOrigin(channel, null, null);
    }
}
