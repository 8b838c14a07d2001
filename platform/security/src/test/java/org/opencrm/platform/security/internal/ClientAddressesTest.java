package org.opencrm.platform.security.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class ClientAddressesTest {
    @Test
    void thePeerIsTheClientUnlessItIsATrustedProxy() {
        ClientAddresses none = new ClientAddresses(new String[0]);
        assertEquals("203.0.113.5", none.clientAddress("203.0.113.5", "198.51.100.1"), "a header from an untrusted peer is ignored");
        ClientAddresses proxied = new ClientAddresses(new String[] { "127.0.0.1, 10.0.0.2" });
        assertEquals("198.51.100.1", proxied.clientAddress("127.0.0.1", "198.51.100.1"));
        // the nearest address that is not one of our proxies; what the client itself wrote further left does not count
        assertEquals("198.51.100.1", proxied.clientAddress("127.0.0.1", "6.6.6.6, 198.51.100.1, 10.0.0.2"));
        assertEquals("127.0.0.1", proxied.clientAddress("127.0.0.1", null));
        assertEquals("127.0.0.1", proxied.clientAddress("127.0.0.1", "not-an-address"), "garbage: the last address vouched for");
        assertEquals("10.0.0.2", proxied.clientAddress("127.0.0.1", "10.0.0.2"));
    }

    @Test
    void addressesAreComparedInCanonicalFormAndNeverResolved() {
        assertEquals("127.0.0.1", ClientAddresses.canonical("/127.0.0.1:53422"), "as SocketAddress.toString() gives it (ssh)");
        assertEquals("0:0:0:0:0:0:0:1", ClientAddresses.canonical("::1"));
        assertEquals("0:0:0:0:0:0:0:1", ClientAddresses.canonical("[::1]:8181"));
        assertEquals("10.1.2.3", ClientAddresses.canonical("::ffff:10.1.2.3"));
        assertEquals("2001:db8:0:0:0:0:0:1", ClientAddresses.canonical("2001:DB8::1"));
        assertNull(ClientAddresses.canonical("localhost"), "host names are not looked up");
        assertNull(ClientAddresses.canonical("evil.example.com"));
        assertNull(ClientAddresses.canonical(""));
        assertNull(ClientAddresses.canonical(null));
        ClientAddresses v6 = new ClientAddresses(new String[] { "::1" });
        assertEquals("192.0.2.9", v6.clientAddress("0:0:0:0:0:0:0:1", "192.0.2.9"));
    }
}
