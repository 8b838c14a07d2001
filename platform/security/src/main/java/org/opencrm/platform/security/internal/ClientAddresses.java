package org.opencrm.platform.security.internal;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.HashSet;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Which address a sign-in comes from. The peer of the connection, unless that peer is one of the configured trusted
 * reverse proxies: then the nearest address in its {@code X-Forwarded-For} that is not itself a trusted proxy. A
 * header from any other peer is ignored (anyone can send one). Addresses are compared in canonical form
 * ({@code ::ffff:10.0.0.1} is {@code 10.0.0.1}, {@code ::1} is {@code 0:0:0:0:0:0:0:1}); only IP literals are accepted,
 * nothing is ever looked up in DNS.
 */
final class ClientAddresses {
    private final Set<String> trustedProxies;

    ClientAddresses(String[] trusted) {
        Set<String> set = new HashSet<>();
        if (trusted != null) {
            for (String entry : trusted) {
                for (String one : entry.split("[,\\s]+")) {
                    String canonical = canonical(one);
                    if (canonical != null) {
                        set.add(canonical);
                    }
                }
            }
        }
        this.trustedProxies = Set.copyOf(set);
    }

    Set<String> trustedProxies() {
        return trustedProxies;
    }

    /** The client's address, or null when the peer address is unknown. */
    String clientAddress(String peer, String forwardedFor) {
        String client = canonical(peer);
        if (client == null || forwardedFor == null || forwardedFor.isBlank() || !trustedProxies.contains(client)) {
            return client;
        }
        String[] hops = forwardedFor.split(",");
        for (int i = hops.length - 1; i >= 0; i--) {
            String hop = canonical(hops[i]);
            if (hop == null) {
                return client; // garbage in the header: the last address we can vouch for
            }
            client = hop;
            if (!trustedProxies.contains(hop)) {
                return hop;
            }
        }
        return client;
    }

    /** Compiled once: the peer address is checked on every REST call. */
    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    private static final Pattern IPV6_CHARACTERS = Pattern.compile("[0-9A-Fa-f:.]+");

    /**
     * The canonical text of an IP literal, with a port, brackets or a leading slash (as {@code SocketAddress.toString()}
     * gives it) removed; null for anything that is not an IP literal.
     */
    static String canonical(String address) {
        if (address == null) {
            return null;
        }
        String a = address.strip();
        if (a.startsWith("/")) {
            a = a.substring(1);
        }
        if (a.startsWith("[")) {
            int close = a.indexOf(']');
            if (close < 0) {
                return null;
            }
            a = a.substring(1, close);
        } else if (a.indexOf(':') > 0 && a.indexOf(':') == a.lastIndexOf(':') && a.indexOf('.') > 0) {
            a = a.substring(0, a.indexOf(':')); // 10.0.0.1:54321
        }
        int zone = a.indexOf('%');
        if (zone >= 0) {
            a = a.substring(0, zone);
        }
        if (a.isEmpty() || a.length() > 45) {
            return null;
        }
        boolean v4 = IPV4.matcher(a).matches();
        boolean v6 = a.indexOf(':') >= 0 && IPV6_CHARACTERS.matcher(a).matches();
        if (!v4 && !v6) {
            return null;
        }
        try {
            return InetAddress.getByName(a).getHostAddress(); // a literal: parsed, not resolved
        } catch (UnknownHostException | SecurityException e) {
            return null;
        }
    }
}
