package org.opencrm.platform.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.eclipse.persistence.platform.database.DerbyPlatform;
import org.eclipse.persistence.platform.database.JavaDBPlatform;
import org.eclipse.persistence.platform.database.PostgreSQLPlatform;
import org.junit.jupiter.api.Test;

/** The database behind an EclipseLink session, as the Derby-only hints ask for it. */
class SchemaPlatformTest {
    @Test
    void derbyAsEclipseLinkDetectsItIsDerby() {
        // EclipseLink maps the product name "Apache Derby" to JavaDBPlatform (VendorNameToPlatformMapping.properties)
        assertEquals("derby", Schema.platformName(JavaDBPlatform.class));
        assertEquals("derby", Schema.platformName(DerbyPlatform.class));
    }

    @Test
    void otherDatabasesKeepTheirNames() {
        assertEquals("postgresql", Schema.platformName(PostgreSQLPlatform.class));
        assertEquals("object", Schema.platformName(Object.class));
    }
}
