package org.opencrm.platform.persistence;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.Optional;

import javax.persistence.EntityManager;

/**
 * Small schema migrations that EclipseLink's {@code create-or-extend-tables} does not do: it adds missing tables and
 * columns, but not an index or constraint declared after the table was created, and it never changes one, so an
 * upgraded database would lack it. Every method checks the catalogue first and is a no-op when the change is there,
 * so it runs at every start, on Derby and PostgreSQL, and a second node starting at the same time only finds it done.
 */
public final class Schema {
    private Schema() {
    }

    /**
     * Creates the index unless an index of that name exists on the table. {@code columns} is SQL, e.g. "ID DESC".
     * Returns true when it created one.
     */
    public static boolean ensureIndex(EntityManager em, String table, String index, String columns) {
        return ensureIndex(em.unwrap(Connection.class), table, index, columns);
    }

    /** As {@link #ensureIndex(EntityManager, String, String, String)}, on a connection (a {@link ModuleSchema} step's). */
    public static boolean ensureIndex(Connection connection, String table, String index, String columns) {
        try {
            if (indexInfo(connection, table, index).isPresent()) {
                return false;
            }
            try (Statement s = connection.createStatement()) {
                s.execute("CREATE INDEX " + index + " ON " + table + " (" + columns + ")");
            }
            return true;
        } catch (SQLException e) {
            throw new IllegalStateException("could not create index " + index + " on " + table + ": " + e.getMessage(), e);
        }
    }

    /** Whether the table has an index of that name; empty when none, else whether it is unique. */
    public static Optional<Boolean> index(EntityManager em, String table, String index) {
        try {
            return indexInfo(em.unwrap(Connection.class), table, index);
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the indexes of " + table + ": " + e.getMessage(), e);
        }
    }

    /** Drops the index if the table has one of that name. Returns true when it dropped one. */
    public static boolean dropIndex(EntityManager em, String table, String index) {
        return dropIndex(em.unwrap(Connection.class), table, index);
    }

    /** As {@link #dropIndex(EntityManager, String, String)}, on a connection (a {@link ModuleSchema} step's). */
    public static boolean dropIndex(Connection connection, String table, String index) {
        try {
            if (indexInfo(connection, table, index).isEmpty()) {
                return false;
            }
            try (Statement s = connection.createStatement()) {
                s.execute("DROP INDEX " + index);
            }
            return true;
        } catch (SQLException e) {
            throw new IllegalStateException("could not drop index " + index + " on " + table + ": " + e.getMessage(), e);
        }
    }

    /**
     * Adds a UNIQUE constraint unless the table has one (or a unique index) of that name. A UNIQUE constraint lets a
     * nullable column hold any number of NULLs on Derby and on PostgreSQL alike, where Derby's CREATE UNIQUE INDEX
     * treats NULLs as equal. Returns true when it added one.
     */
    public static boolean ensureUniqueConstraint(EntityManager em, String table, String constraint, String columns) {
        return ensureUniqueConstraint(em.unwrap(Connection.class), table, constraint, columns);
    }

    /** As {@link #ensureUniqueConstraint(EntityManager, String, String, String)}, on a connection. */
    public static boolean ensureUniqueConstraint(Connection connection, String table, String constraint, String columns) {
        try {
            if (indexInfo(connection, table, constraint).isPresent() || constraintExists(connection, table, constraint)) {
                return false;
            }
            try (Statement s = connection.createStatement()) {
                s.execute("ALTER TABLE " + table + " ADD CONSTRAINT " + constraint + " UNIQUE (" + columns + ")");
            }
            return true;
        } catch (SQLException e) {
            throw new IllegalStateException("could not add the unique constraint " + constraint + " on " + table + ": " + e.getMessage(), e);
        }
    }

    /**
     * Creates the table ({@code columns}: the SQL inside CREATE TABLE's parentheses) unless it exists, on a plain JDBC
     * connection (a table of the platform's own that no persistence unit manages). Another node creating it at the same
     * moment is no failure. Returns true when it created it.
     */
    public static boolean ensureTable(Connection connection, String table, String columns) throws SQLException {
        if (tableExists(connection, table)) {
            return false;
        }
        try (Statement s = connection.createStatement()) {
            s.execute("CREATE TABLE " + table + " (" + columns + ")");
            if (!connection.getAutoCommit()) {
                connection.commit();
            }
            return true;
        } catch (SQLException e) {
            if (!connection.getAutoCommit()) {
                connection.rollback();
            }
            if (!tableExists(connection, table)) {
                throw e;
            }
            return false;
        }
    }

    private static boolean tableExists(Connection connection, String table) throws SQLException {
        DatabaseMetaData meta = connection.getMetaData();
        for (String t : new String[] { table.toUpperCase(Locale.ROOT), table.toLowerCase(Locale.ROOT) }) {
            try (ResultSet rs = meta.getTables(null, connection.getSchema(), t, null)) {
                if (rs.next()) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * On PostgreSQL, the database's collation when it is not C (or POSIX), else empty (and always on Derby, which
     * compares by code point). Every prefix search of the CRM — names, mobiles, e-mails, IMEIs, part numbers, and the
     * account paths of every scope check ({@code LIKE 'abc%'}) — can use a B-tree index on PostgreSQL only under the C
     * collation (PostgreSQL 15 applies its LIKE index rewrite to C alone; "C.UTF-8" or "en_US.UTF-8" read the whole
     * index instead: 130-150 ms per contact search at 200,000 contacts instead of a few).
     */
    public static Optional<String> nonBytewiseCollation(Connection connection) throws SQLException {
        if (!isPostgresql(connection)) {
            return Optional.empty();
        }
        try (Statement st = connection.createStatement();
                ResultSet rs = st.executeQuery("SELECT datcollate FROM pg_database WHERE datname = current_database()")) {
            String collation = rs.next() ? rs.getString(1) : null;
            return collation == null || bytewise(collation) ? Optional.empty() : Optional.of(collation);
        }
    }

    /**
     * On PostgreSQL, plans the rest of the current transaction's statements for their actual parameter values
     * ({@code SET LOCAL plan_cache_mode = force_custom_plan}); nothing on Derby. For a statement run again and again while
     * its table grows, such as a bulk import's duplicate check ({@code mobile IN (?, ... 1,000)}): PostgreSQL's JDBC driver
     * prepares it on the server after five runs, PostgreSQL then keeps one generic plan made while the table was small,
     * a table scan, and every chunk of the second 100,000 rows of an import took 4 s (import at 1,650 rows/s instead of
     * 16,000, auto_explain). The transaction must be open (autocommit off); planning costs about a millisecond a chunk.
     */
    public static void planForActualValues(Connection connection) throws SQLException {
        if (!isPostgresql(connection)) {
            return;
        }
        try (Statement st = connection.createStatement()) {
            st.execute("SET LOCAL plan_cache_mode = force_custom_plan");
        }
    }

    /**
     * On PostgreSQL, whether the driver sends a batch of inserts row by row ({@code reWriteBatchedInserts} off, the
     * driver's default) instead of as multi-row INSERTs: every bulk insert (CSV imports, bulk loads, EclipseLink's batch
     * writing) is then about a fifth slower (docs/operations.md, section 1). Read from the connection's URL, in which the
     * PostgreSQL driver lists every setting given to the DataSource that made it (one not given is off). False on other
     * databases.
     */
    public static boolean batchedInsertsSentRowByRow(Connection connection) throws SQLException {
        return isPostgresql(connection) && !rewritesBatchedInserts(connection.getMetaData().getURL());
    }

    /** Whether a PostgreSQL JDBC URL's parameters turn {@code reWriteBatchedInserts} on (as the driver reads them). */
    static boolean rewritesBatchedInserts(String url) {
        int query = url == null ? -1 : url.indexOf('?');
        if (query < 0) {
            return false;
        }
        boolean on = false;
        for (String parameter : url.substring(query + 1).split("&")) {
            int eq = parameter.indexOf('=');
            if (eq > 0 && "reWriteBatchedInserts".equals(parameter.substring(0, eq))) {
                on = Boolean.parseBoolean(parameter.substring(eq + 1)); // the driver's reading: the last one counts
            }
        }
        return on;
    }

    /** Whether the connection's database is PostgreSQL. */
    public static boolean isPostgresql(Connection connection) throws SQLException {
        return connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT).contains("postgresql");
    }

    /** Whether PostgreSQL's LIKE-prefix index rewrite applies under this collation name. */
    static boolean bytewise(String collation) {
        return "C".equals(collation) || "POSIX".equals(collation);
    }

    /** Whether the connection's database is Apache Derby (where optimizer hints are applied). */
    public static boolean isDerby(EntityManager em) {
        Connection connection = em.unwrap(Connection.class);
        if (connection == null) {
            // no connection bound to the transaction yet (EclipseLink binds one at its first statement): ask its session
            return "derby".equals(platformOf(em));
        }
        try {
            return connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT).contains("derby");
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the database product: " + e.getMessage(), e);
        }
    }

    /**
     * The database EclipseLink's session was set up for ("derby", "postgresql", ...), read by reflection so that this
     * bundle needs no EclipseLink import; null when the provider is not EclipseLink.
     */
    static String platformOf(EntityManager em) {
        try {
            Object delegate = em.getDelegate();
            Object session = delegate.getClass().getMethod("getDatabaseSession").invoke(delegate);
            return platformName(session.getClass().getMethod("getDatasourcePlatform").invoke(session).getClass());
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null;
        }
    }

    /**
     * A platform class's database: the first of its classes, itself and then its superclasses, whose name is a
     * database EclipseLink knows, without "Platform", in lower case. EclipseLink detects Derby as JavaDBPlatform (a
     * subclass of DerbyPlatform): its own name said "javadb", so every Derby hint of a statement that ran first in its
     * transaction was dropped (a million contacts' first page sorted the whole table, 2–7 s, instead of 8 ms).
     */
    static String platformName(Class<?> platform) {
        for (Class<?> c = platform; c != null && c != Object.class; c = c.getSuperclass()) {
            String name = c.getSimpleName().replace("Platform", "").toLowerCase(Locale.ROOT);
            if (name.equals("derby") || name.equals("postgresql")) {
                return name;
            }
        }
        return platform.getSimpleName().replace("Platform", "").toLowerCase(Locale.ROOT);
    }

    /**
     * A Derby optimizer hint for the table just named in a native query ({@code properties} e.g. "index=CRM_CONTACT_NAME"
     * or "constraint=..."), ending its line as Derby requires; on any other database a blank, so that no other database
     * sees a Derby-only comment.
     */
    public static String derbyHint(EntityManager em, String properties) {
        return isDerby(em) ? " --DERBY-PROPERTIES " + properties + "\n" : " ";
    }

    /** The name of the table's primary key constraint, as the database reports it (Derby names it SQL…). */
    public static Optional<String> primaryKeyName(EntityManager em, String table) {
        Connection connection = em.unwrap(Connection.class);
        try {
            DatabaseMetaData meta = connection.getMetaData();
            for (String t : new String[] { table.toUpperCase(Locale.ROOT), table.toLowerCase(Locale.ROOT) }) {
                try (ResultSet rs = meta.getPrimaryKeys(null, connection.getSchema(), t)) {
                    if (rs.next()) {
                        return Optional.ofNullable(rs.getString("PK_NAME"));
                    }
                }
            }
            return Optional.empty();
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the primary key of " + table + ": " + e.getMessage(), e);
        }
    }

    private static Optional<Boolean> indexInfo(Connection connection, String table, String index) throws SQLException {
        DatabaseMetaData meta = connection.getMetaData();
        String schema = connection.getSchema();
        for (String t : new String[] { table.toUpperCase(Locale.ROOT), table.toLowerCase(Locale.ROOT) }) {
            try (ResultSet rs = meta.getIndexInfo(null, schema, t, false, true)) {
                while (rs.next()) {
                    if (index.equalsIgnoreCase(rs.getString("INDEX_NAME"))) {
                        return Optional.of(!rs.getBoolean("NON_UNIQUE"));
                    }
                }
            }
        }
        return Optional.empty();
    }

    /** Whether a constraint of that name exists on the table (Derby: SYS.SYSCONSTRAINTS; others: information_schema). */
    private static boolean constraintExists(Connection connection, String table, String constraint) throws SQLException {
        boolean derby = connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT).contains("derby");
        String sql = derby
                ? "SELECT 1 FROM SYS.SYSCONSTRAINTS c JOIN SYS.SYSTABLES t ON c.TABLEID = t.TABLEID WHERE UPPER(c.CONSTRAINTNAME) = ? AND UPPER(t.TABLENAME) = ?"
                : "SELECT 1 FROM information_schema.table_constraints WHERE UPPER(constraint_name) = ? AND UPPER(table_name) = ?";
        try (var ps = connection.prepareStatement(sql)) {
            ps.setString(1, constraint.toUpperCase(Locale.ROOT));
            ps.setString(2, table.toUpperCase(Locale.ROOT));
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }
}
