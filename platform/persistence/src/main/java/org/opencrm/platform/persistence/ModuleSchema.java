package org.opencrm.platform.persistence;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;
import org.flywaydb.core.api.output.MigrateResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A module's versioned schema: numbered steps that bring its tables from what EclipseLink's
 * {@code create-or-extend-tables} makes (tables and columns) to what the module's code needs (indexes, constraints,
 * data moved to a new shape). Each module's applied versions are kept in its own history table
 * ({@code CRM_SCHEMA_<MODULE>}) by Flyway, which runs each step in a transaction of its own together with its history
 * row and holds a database lock while it migrates (an advisory lock on PostgreSQL, a table lock on Derby), so:
 * <ul>
 * <li>a step runs once per cluster: a second node starting at the same time waits and finds it done;</li>
 * <li>a step that fails is rolled back with nothing recorded (both databases roll DDL back), the steps before it stay
 * applied, the module fails to start naming the step, and the next start (or re-enabling the module) retries it;</li>
 * <li>a database from before versioned migrations is taken as version 0, so every step must be written to find its
 * change already there (the {@link Schema} helpers check first);</li>
 * <li>a node running an older version of the module starts on a database that a newer one upgraded (steps it does
 * not know are ignored), so a cluster can be upgraded node by node.</li>
 * </ul>
 * Call {@link #migrate} from the module's start after its persistence unit has created its tables. Flyway is embedded in
 * this bundle and never exported: modules depend on this class only.
 */
public final class ModuleSchema {
    private static final Logger LOG = LoggerFactory.getLogger(ModuleSchema.class);
    private static final Pattern MODULE_ID = Pattern.compile("[a-z][a-z0-9-]{0,60}");
    private static final String TABLE_PREFIX = "CRM_SCHEMA_";

    /** One step's work, on the connection of the step's transaction (do not commit it). */
    @FunctionalInterface
    public interface Step {
        void apply(Connection connection) throws SQLException;
    }

    /** What {@link #migrate} did: the version before and after, and the steps it applied ("2 description"). */
    public record Migrated(String module, int from, int to, List<String> applied) {
    }

    /** A module's schema version as the database holds it: its newest applied step and when that was applied. */
    public record Version(String module, int version, String description, Instant appliedAt) {
    }

    /** A step that failed: the module, the step's version and description, and the database's reason. */
    public static final class MigrationFailed extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final String module;
        private final int version;

        MigrationFailed(String module, int version, String description, Throwable cause) {
            super("the schema of module " + module + " could not be upgraded to version " + version + " (" + description
                    + "): " + rootMessage(cause) + "; it stays at the previous version and the step is retried at the next start", cause);
            this.module = module;
            this.version = version;
        }

        public String module() {
            return module;
        }

        public int version() {
            return version;
        }
    }

    private final String module;
    private final List<NumberedStep> steps = new ArrayList<>();

    private ModuleSchema(String module) {
        this.module = module;
    }

    /** The schema of a module, by its id (lower case letters, digits and '-', as in its feature name crm-&lt;id&gt;). */
    public static ModuleSchema of(String module) {
        if (module == null || !MODULE_ID.matcher(module).matches()) {
            throw new IllegalArgumentException("module id must be lower case letters, digits and '-': " + module);
        }
        return new ModuleSchema(module);
    }

    /** Adds the step that brings the schema to {@code version}; versions start at 1 and increase by one. */
    public ModuleSchema step(int version, String description, Step work) {
        int expected = steps.size() + 1;
        if (version != expected) {
            throw new IllegalArgumentException("module " + module + ": step " + version + " declared where step " + expected + " belongs");
        }
        if (description == null || description.isBlank()) {
            throw new IllegalArgumentException("module " + module + ": step " + version + " needs a description");
        }
        steps.add(new NumberedStep(module, version, description, Objects.requireNonNull(work, "work")));
        return this;
    }

    /** The version the module's code brings its schema to (0 when it declares no step). */
    public int latestVersion() {
        return steps.size();
    }

    public String module() {
        return module;
    }

    /** The history table of a module's schema. */
    static String table(String module) {
        return TABLE_PREFIX + module.toUpperCase(Locale.ROOT).replace('-', '_');
    }

    /**
     * Applies the steps the database does not have yet, in order, each in a transaction of its own, holding the
     * migration lock; returns what it did. Throws {@link MigrationFailed} when a step fails (that step rolled back).
     */
    public Migrated migrate(DataSource dataSource) {
        Flyway flyway = configure(dataSource, module)
                .javaMigrations(steps.toArray(new JavaMigration[0]))
                .load();
        MigrateResult result;
        try {
            result = flyway.migrate();
        } catch (FlywayException e) {
            NumberedStep failed = failedStep(e);
            if (failed != null) {
                throw new MigrationFailed(module, failed.version, failed.description, e);
            }
            throw new MigrationFailed(module, latestVersion(), "history table " + table(module), e);
        }
        List<String> applied = new ArrayList<>();
        result.migrations.forEach(m -> applied.add(m.version + " " + m.description));
        int from = versionOf(result.initialSchemaVersion);
        // the database's version now, not the last step this call applied: another node may have applied later steps
        // between this call's (each step takes the lock on its own)
        MigrationInfo current = flyway.info().current();
        int to = current == null || current.getVersion() == null ? from : Math.max(from, versionOf(current.getVersion().getVersion()));
        if (!applied.isEmpty()) {
            LOG.info("schema of module {} upgraded from version {} to {}: {}", module, from, to, applied);
        }
        return new Migrated(module, from, to, Collections.unmodifiableList(applied));
    }

    /**
     * Every module's schema version held by the database (modules with a history table, i.e. that ran {@link #migrate}
     * at least once), by module id.
     */
    public static List<Version> installed(DataSource dataSource) {
        List<String> modules = new ArrayList<>();
        try (Connection c = dataSource.getConnection()) {
            DatabaseMetaData meta = c.getMetaData();
            String escape = meta.getSearchStringEscape();
            String pattern = TABLE_PREFIX.replace("_", escape + "_") + "%";
            try (ResultSet rs = meta.getTables(null, c.getSchema(), pattern, new String[] { "TABLE" })) {
                while (rs.next()) {
                    String t = rs.getString("TABLE_NAME");
                    modules.add(t.substring(TABLE_PREFIX.length()).toLowerCase(Locale.ROOT).replace('_', '-'));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not list the modules' schema history tables: " + e.getMessage(), e);
        }
        List<Version> versions = new ArrayList<>();
        for (String m : modules.stream().sorted().toList()) {
            MigrationInfo current = configure(dataSource, m).load().info().current();
            if (current != null && current.getVersion() != null) {
                versions.add(new Version(m, versionOf(current.getVersion().getVersion()), current.getDescription(),
                        current.getInstalledOn() == null ? null : current.getInstalledOn().toInstant()));
            }
        }
        return versions;
    }

    private static FluentConfiguration configure(DataSource dataSource, String module) {
        return Flyway.configure(ModuleSchema.class.getClassLoader())
                .dataSource(dataSource)
                .table(table(module))
                // steps are Java code handed over here; nothing is scanned from the class path
                .locations(new String[0])
                // a database from before versioned migrations (its tables made by EclipseLink) is version 0
                .baselineOnMigrate(true)
                .baselineVersion("0")
                .baselineDescription("tables as EclipseLink created them")
                // a node with an older build of the module starts on a schema a newer node upgraded
                .ignoreMigrationPatterns("*:future")
                .cleanDisabled(true);
    }

    private static NumberedStep failedStep(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof StepException s) {
                return s.step;
            }
        }
        return null;
    }

    private static int versionOf(String version) {
        if (version == null || version.isBlank()) {
            return 0;
        }
        try {
            return Integer.parseInt(version.trim());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    }

    /** Marks which step failed on its way out through Flyway. */
    private static final class StepException extends Exception {
        private static final long serialVersionUID = 1L;
        private final transient NumberedStep step;

        StepException(NumberedStep step, Exception cause) {
            super("step " + step.version + " (" + step.description + ") failed: " + cause.getMessage(), cause);
            this.step = step;
        }
    }

    /** A step as Flyway sees it: a Java migration with an explicit version (no class-name convention). */
    private static final class NumberedStep implements JavaMigration {
        private final String module;
        private final int version;
        private final String description;
        private final Step work;

        NumberedStep(String module, int version, String description, Step work) {
            this.module = module;
            this.version = version;
            this.description = description;
            this.work = work;
        }

        @Override
        public MigrationVersion getVersion() {
            return MigrationVersion.fromVersion(Integer.toString(version));
        }

        @Override
        public String getDescription() {
            return description;
        }

        @Override
        public Integer getChecksum() {
            return null;
        }

        @Override
        public boolean canExecuteInTransaction() {
            return true;
        }

        @Override
        public void migrate(Context context) throws Exception {
            try {
                work.apply(context.getConnection());
            } catch (SQLException | RuntimeException e) {
                throw new StepException(this, e);
            }
        }

        @Override
        public String toString() {
            return module + " " + version + " " + description;
        }
    }
}
