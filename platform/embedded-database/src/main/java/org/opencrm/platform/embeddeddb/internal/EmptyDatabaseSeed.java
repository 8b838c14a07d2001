package org.opencrm.platform.embeddeddb.internal;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Optional;
import java.util.Properties;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleActivator;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.Version;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.framework.InvalidSyntaxException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * At the first start, lays down the empty Derby database this bundle carries (made at build time) where the crm
 * DataSource's embedded Derby URL points, so that Derby opens a database instead of creating one: creating its system
 * catalogs took 0.6-0.8 s of the one thread that starts the platform, every first start. Nothing changes when the
 * database is there already, when the DataSource is not an embedded Derby database (PostgreSQL, Derby's network
 * client, an in-memory database), or when Derby got there first: the copy is laid down under a temporary name and
 * renamed into place in one step, so Derby never sees half a database.
 * <p>
 * A bundle activator rather than a DS component, on purpose: it must have run before pax-jdbc creates the DataSource,
 * and the feature starts this bundle at a lower start level than pax-jdbc's, which only a synchronous start guarantees.
 */
public final class EmptyDatabaseSeed implements BundleActivator {
    private static final Logger LOG = LoggerFactory.getLogger(EmptyDatabaseSeed.class);
    static final String TEMPLATE = "crmdb-template";
    private static final String DATASOURCE_FILTER = "(&(service.factoryPid=org.ops4j.datasource)(dataSourceName=crm))";

    @Override
    public void start(BundleContext context) {
        try {
            Optional<Path> database = crmDatabase(context).flatMap(DerbyUrl::embeddedDatabase);
            if (database.isEmpty()) {
                return;
            }
            Optional<String> olderDerby = olderRuntimeDerby(context);
            if (olderDerby.isPresent()) {
                LOG.info("OpenCRM: not laying down the empty embedded database: it was made by a newer Derby than the {} installed; "
                        + "Derby creates it", olderDerby.get());
                return;
            }
            List<String> files = new ArrayList<>();
            Enumeration<URL> entries = context.getBundle().findEntries(TEMPLATE, "*", true);
            while (entries != null && entries.hasMoreElements()) {
                String path = entries.nextElement().getPath(); // "/crmdb-template/seg0/c10.dat"
                String relative = path.substring(path.indexOf(TEMPLATE) + TEMPLATE.length() + 1);
                if (!relative.isEmpty() && !relative.endsWith("/")) {
                    files.add(relative);
                }
            }
            if (files.isEmpty()) {
                LOG.warn("OpenCRM: this bundle carries no empty embedded database ({}); Derby creates it", TEMPLATE);
                return;
            }
            long started = System.nanoTime();
            if (DatabaseSeed.layDown(database.get(), files, f -> context.getBundle().getEntry(TEMPLATE + "/" + f).openStream())) {
                LOG.info("OpenCRM: laid down the empty embedded database at {} ({} files, {} ms)", database.get(), files.size(),
                        (System.nanoTime() - started) / 1_000_000);
            }
        } catch (IOException | RuntimeException e) {
            // Derby creates the database itself then (the URL says create=true), only slower
            LOG.warn("OpenCRM: could not lay down the empty embedded database; Derby will create it: {}", e.toString());
        }
    }

    @Override
    public void stop(BundleContext context) {
        // nothing runs after start
    }

    /**
     * The installed Derby, when it is older (major.minor) than the one that made the template: it could not open the
     * template (a newer Derby upgrades it softly). Also when no Derby bundle or no version record is found: then
     * nothing is known and Derby creates the database as before.
     */
    private static Optional<String> olderRuntimeDerby(BundleContext context) throws IOException {
        URL record = context.getBundle().getEntry(TEMPLATE + ".properties");
        if (record == null) {
            return Optional.of("(unknown: no version record)");
        }
        Properties made = new Properties();
        try (InputStream in = record.openStream()) {
            made.load(in);
        }
        Version template = new Version(Integer.parseInt(made.getProperty("derby.major", "0").strip()),
                Integer.parseInt(made.getProperty("derby.minor", "0").strip()), 0);
        for (Bundle b : context.getBundles()) {
            if ("derby".equals(b.getSymbolicName())) { // Apache Derby's embedded engine (pax-jdbc-derby installs it)
                Version runtime = new Version(b.getVersion().getMajor(), b.getVersion().getMinor(), 0);
                return runtime.compareTo(template) >= 0 ? Optional.empty() : Optional.of("Derby " + runtime.getMajor() + "." + runtime.getMinor());
            }
        }
        return Optional.of("(unknown: no Derby bundle)");
    }

    /** The crm DataSource's URL, from its configuration (etc/org.ops4j.datasource-crm.cfg), if there is one. */
    private static Optional<String> crmDatabase(BundleContext context) throws IOException {
        ServiceReference<ConfigurationAdmin> ref = context.getServiceReference(ConfigurationAdmin.class);
        if (ref == null) {
            return Optional.empty();
        }
        ConfigurationAdmin admin = context.getService(ref);
        try {
            Configuration[] found = admin == null ? null : admin.listConfigurations(DATASOURCE_FILTER);
            if (found == null || found.length == 0 || found[0].getProperties() == null) {
                return Optional.empty();
            }
            // processed: the URL as pax-jdbc sees it, placeholders such as $[env:...] resolved
            Object url = found[0].getProcessedProperties(null).get("url");
            return url instanceof String s ? Optional.of(s) : Optional.empty();
        } catch (InvalidSyntaxException e) {
            throw new IllegalStateException(e);
        } finally {
            context.ungetService(ref);
        }
    }
}
