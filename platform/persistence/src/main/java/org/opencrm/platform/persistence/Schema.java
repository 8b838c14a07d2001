package org.opencrm.platform.persistence;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;

import javax.persistence.EntityManager;

/**
 * Small schema migrations that EclipseLink's {@code create-or-extend-tables} does not do: it adds missing tables and
 * columns, but not an index declared after the table was created, so an upgraded database would lack it.
 */
public final class Schema {
    private Schema() {
    }

    /**
     * Creates the index unless an index of that name exists on the table. {@code columns} is SQL, e.g. "ID DESC".
     * Returns true when it created one.
     */
    public static boolean ensureIndex(EntityManager em, String table, String index, String columns) {
        Connection connection = em.unwrap(Connection.class);
        try {
            DatabaseMetaData meta = connection.getMetaData();
            String schema = connection.getSchema();
            for (String t : new String[] { table.toUpperCase(Locale.ROOT), table.toLowerCase(Locale.ROOT) }) {
                try (ResultSet rs = meta.getIndexInfo(null, schema, t, false, true)) {
                    while (rs.next()) {
                        if (index.equalsIgnoreCase(rs.getString("INDEX_NAME"))) {
                            return false;
                        }
                    }
                }
            }
            try (Statement s = connection.createStatement()) {
                s.execute("CREATE INDEX " + index + " ON " + table + " (" + columns + ")");
            }
            return true;
        } catch (SQLException e) {
            throw new IllegalStateException("could not create index " + index + " on " + table + ": " + e.getMessage(), e);
        }
    }
}
