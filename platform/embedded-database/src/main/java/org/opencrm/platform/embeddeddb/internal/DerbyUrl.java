package org.opencrm.platform.embeddeddb.internal;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/** Reads an embedded Derby JDBC URL: which directory it names, if it is one that Derby would create on disk. */
final class DerbyUrl {
    private static final String PREFIX = "jdbc:derby:";

    private DerbyUrl() {
    }

    /**
     * The database directory of {@code jdbc:derby:<path>;create=true} when the path is an absolute directory and
     * {@code create=true} is the URL's only attribute; empty for the network client ({@code jdbc:derby://host/...}),
     * the in-memory and other subprotocols ({@code jdbc:derby:memory:...}, {@code classpath:}, {@code jar:}), relative
     * paths (they depend on {@code derby.system.home}), other databases, and any other attribute: {@code user=},
     * {@code territory=}, {@code collation=}, {@code dataEncryption=} and the like only take effect when Derby creates
     * the database itself (on an existing one Derby ignores them with a warning), so such a URL is left to Derby.
     */
    static Optional<Path> embeddedDatabase(String url) {
        if (url == null || !url.startsWith(PREFIX) || url.startsWith(PREFIX + "//")) {
            return Optional.empty();
        }
        String rest = url.substring(PREFIX.length());
        int semicolon = rest.indexOf(';');
        String name = semicolon < 0 ? rest : rest.substring(0, semicolon);
        String attributes = semicolon < 0 ? "" : rest.substring(semicolon + 1).toLowerCase(Locale.ROOT).replace(" ", "");
        boolean create = false;
        for (String attribute : attributes.split(";")) {
            if (attribute.equals("create=true")) {
                create = true;
            } else if (!attribute.isEmpty()) {
                return Optional.empty();
            }
        }
        if (!create || name.isEmpty() || name.matches("^(memory|classpath|jar):.*")) {
            return Optional.empty();
        }
        if (name.startsWith("directory:")) {
            name = name.substring("directory:".length());
        }
        Path path = Path.of(name);
        return path.isAbsolute() ? Optional.of(path.normalize()) : Optional.empty();
    }
}
