package org.opencrm.platform.embeddeddb.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class DerbyUrlTest {
    @Test
    void anEmbeddedDatabaseThatDerbyWouldCreateOnDisk() {
        assertEquals(Optional.of(Path.of("/opt/crm/data/crmdb")), DerbyUrl.embeddedDatabase("jdbc:derby:/opt/crm/data/crmdb;create=true"));
        assertEquals(Optional.of(Path.of("/opt/crm/data/crmdb")),
                DerbyUrl.embeddedDatabase("jdbc:derby:directory:/opt/crm/data/../data/crmdb; Create=TRUE;"));
    }

    @Test
    void everythingElseIsLeftToItsDriver() {
        for (String url : new String[] {null, "", "jdbc:postgresql://db:5432/crm", "jdbc:derby://dbhost:1527/crm;create=true",
                "jdbc:derby:memory:crm;create=true", "jdbc:derby:classpath:crm", "jdbc:derby:/opt/crm/data/crmdb",
                "jdbc:derby:/opt/crm/data/crmdb;create=false",
                // attributes that only a creation by Derby itself would apply
                "jdbc:derby:/opt/crm/data/crmdb;create=true;user=crm", "jdbc:derby:/opt/crm/data/crmdb;create=true;territory=zh_CN",
                "jdbc:derby:/opt/crm/data/crmdb;create=true;collation=TERRITORY_BASED",
                "jdbc:derby:/opt/crm/data/crmdb;create=true;dataEncryption=true;bootPassword=secret-boot-pw",
                // a restore (docs/operations.md): Derby copies the backup there itself
                "jdbc:derby:/opt/crm/data/crmdb;createFrom=/var/backups/crm/20261206T041500Z/crmdb",
                "jdbc:derby:/opt/crm/data/crmdb;restoreFrom=/var/backups/crm/20261206T041500Z/crmdb", "jdbc:derby:crmdb;create=true", "jdbc:derby:;shutdown=true"}) {
            assertTrue(DerbyUrl.embeddedDatabase(url).isEmpty(), String.valueOf(url));
        }
    }
}
