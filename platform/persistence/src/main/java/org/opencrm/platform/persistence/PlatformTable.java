package org.opencrm.platform.persistence;

import java.sql.Connection;
import java.sql.SQLException;

import javax.sql.DataSource;

/**
 * A table of the platform's own that no persistence unit manages (job leases, the cluster's module set), used with
 * plain JDBC on the crm DataSource, each statement committed on its own: {@link #connect} creates the table the first
 * time it is needed ({@link Schema#ensureTable}); {@link #commit} and {@link #rollback} end a statement's work unless
 * the connection commits each statement itself.
 */
public final class PlatformTable {
    private final DataSource dataSource;
    private final String table;
    private final String columns;
    private volatile boolean checked;

    /** {@code columns}: the SQL inside CREATE TABLE's parentheses. */
    public PlatformTable(DataSource dataSource, String table, String columns) {
        this.dataSource = dataSource;
        this.table = table;
        this.columns = columns;
    }

    /** A connection of the DataSource, the table created first if this is the first one and it does not exist. */
    public Connection connect() throws SQLException {
        Connection c = dataSource.getConnection();
        if (!checked) {
            try {
                Schema.ensureTable(c, table, columns);
            } catch (SQLException e) {
                c.close();
                throw e;
            }
            checked = true;
        }
        return c;
    }

    public static void commit(Connection c) throws SQLException {
        if (!c.getAutoCommit()) {
            c.commit();
        }
    }

    public static void rollback(Connection c) throws SQLException {
        if (!c.getAutoCommit()) {
            c.rollback();
        }
    }
}
