package org.opencrm.platform.rest.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.osgi.framework.Filter;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.InvalidSyntaxException;

/** What /health/ready says pax-jdbc lacks when the crm DataSource is missing, against services by type and filter. */
class ReadinessDataSourceTest {
    private static final String FACTORY = "org.osgi.service.jdbc.DataSourceFactory";
    private static final String POOL = "org.ops4j.pax.jdbc.pool.common.PooledDataSourceFactory";

    /** Services registered as (type, properties); filters are evaluated as the framework would. */
    private static final class Services implements ReadinessServlet.Registry {
        final List<Map.Entry<String, Dictionary<String, Object>>> registered = new ArrayList<>();
        final List<String> asked = new ArrayList<>();

        Services with(String type, Map<String, Object> properties) {
            registered.add(Map.entry(type, new Hashtable<>(properties)));
            return this;
        }

        @Override
        public boolean registered(String type, String filter) throws InvalidSyntaxException {
            asked.add(type + (filter == null ? "" : " " + filter));
            Filter f = filter == null ? null : FrameworkUtil.createFilter(filter);
            return registered.stream().anyMatch(s -> s.getKey().equals(type) && (f == null || f.match(s.getValue())));
        }
    }

    private static Dictionary<String, Object> config(String driver, String pool, String xa) {
        Hashtable<String, Object> c = new Hashtable<>(Map.of("osgi.jdbc.driver.name", driver, "pool", pool, "xa", xa));
        c.put("dataSourceName", "crm");
        return c;
    }

    @Test
    void namesTheDriverWhoseFactoryIsMissing() throws Exception {
        Services services = new Services().with(POOL, Map.of("pool", "transx", "xa", "true"));
        assertEquals(" (missing: the JDBC driver's DataSourceFactory (osgi.jdbc.driver.name=nonexistent))",
                ReadinessServlet.missingForDataSource(config("nonexistent", "transx", "true"), services));
    }

    @Test
    void aMissingTransxXaPoolNamesPaxTransxsTransactionManagerNotJtas() throws Exception {
        Services services = new Services().with(FACTORY, Map.of("osgi.jdbc.driver.name", "derby"))
                .with("javax.transaction.TransactionManager", Map.of());
        assertEquals(" (missing: the pool's factory (pool=transx, xa=true), the transaction manager an XA pool's factory waits for "
                + "(org.ops4j.pax.transx.tm.TransactionManager))", ReadinessServlet.missingForDataSource(config("derby", "transx", "true"), services));
    }

    @Test
    void anotherXaPoolNamesJtasTransactionManager() throws Exception {
        Services services = new Services().with(FACTORY, Map.of("osgi.jdbc.driver.name", "derby"));
        assertEquals(" (missing: the pool's factory (pool=dbcp2, xa=true), the transaction manager an XA pool's factory waits for "
                + "(javax.transaction.TransactionManager))", ReadinessServlet.missingForDataSource(config("derby", "dbcp2", "true"), services));
    }

    @Test
    void everythingThereSendsToTheLog() throws Exception {
        Services services = new Services().with(FACTORY, Map.of("osgi.jdbc.driver.name", "PostgreSQL JDBC Driver"))
                .with(POOL, Map.of("pool", "transx", "xa", "true"));
        assertTrue(ReadinessServlet.missingForDataSource(config("PostgreSQL JDBC Driver", "transx", "true"), services)
                .contains("see the log for why pax-jdbc did not create it"));
        assertEquals(Set.of(FACTORY + " (osgi.jdbc.driver.name=PostgreSQL JDBC Driver)", POOL + " (&(pool=transx)(xa=true))"),
                Set.copyOf(services.asked), "no transaction manager looked for when the pool's factory is there");
    }

    @Test
    void configuredNamesAreEscapedInTheFilters() throws Exception {
        // a driver name with the filter syntax's own characters still makes a valid filter that matches it exactly
        String odd = "odd (driver) *\\";
        Services services = new Services().with(FACTORY, Map.of("osgi.jdbc.driver.name", odd)).with(POOL, Map.of("pool", "transx", "xa", "false"));
        assertTrue(ReadinessServlet.missingForDataSource(config(odd, "transx", "false"), services).contains("see the log"));
        assertEquals("odd \\(driver\\) \\*\\\\", ReadinessServlet.filterValue(odd));
    }
}
