package org.opencrm.platform.persistence;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import javax.persistence.EntityManager;

/**
 * Batched plain-JDBC inserts of many rows into one table, on the connection of the caller's transaction (for JPA:
 * {@link #on(EntityManager, String, List)} uses the EntityManager's own connection, so the rows commit or roll back
 * with whatever else that transaction writes).
 *
 * <p>Why: persisting thousands of entities costs more in the unit of work (registering, cloning, change sets, one
 * statement object per row) than the database needs to store them; a bulk path (CSV imports) that sets ids itself
 * ({@link IdBlocks}) writes its rows through one prepared statement in JDBC batches instead. What it bypasses is the
 * caller's to keep: validation, entity callbacks, the version column's first value, and the second-level cache of the
 * entity (evict it if the unit caches it).
 *
 * <p>A failure is thrown as {@link BulkInsertException} with the SQLException (and its next exceptions) as cause, so
 * {@link SqlFailure} and {@link TransactionRetry} read it as they read JPA's failures. Not thread-safe.
 */
public final class BulkInsert implements AutoCloseable {
    /** A column and its {@link Types} code (needed for NULLs). */
    public record Column(String name, int sqlType) {
        public Column {
            if (name == null || !name.matches("[A-Za-z_][A-Za-z0-9_]*")) {
                throw new IllegalArgumentException("not a column name: " + name);
            }
        }

        public static Column of(String name, int sqlType) {
            return new Column(name, sqlType);
        }
    }

    /** A failed batch; the transaction must be rolled back (the rows before it in this transaction may be in). */
    public static final class BulkInsertException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        BulkInsertException(String message, SQLException cause) {
            super(message, cause);
        }
    }

    /** Rows per JDBC batch unless told otherwise: large enough that the round trips vanish, small enough to stay flat. */
    public static final int DEFAULT_BATCH = 500;

    private final String table;
    private final List<Column> columns;
    private final PreparedStatement insert;
    private final int batchSize;
    private int pending;
    private long written;

    private BulkInsert(Connection connection, String table, List<Column> columns, int batchSize) {
        if (!table.matches("[A-Za-z_][A-Za-z0-9_]*")) {
            throw new IllegalArgumentException("not a table name: " + table);
        }
        if (columns.isEmpty()) {
            throw new IllegalArgumentException("no columns");
        }
        if (batchSize < 1) {
            throw new IllegalArgumentException("batch size must be positive: " + batchSize);
        }
        this.table = table;
        this.columns = List.copyOf(columns);
        this.batchSize = batchSize;
        StringBuilder sql = new StringBuilder("INSERT INTO ").append(table).append(" (");
        for (int i = 0; i < columns.size(); i++) {
            sql.append(i == 0 ? "" : ", ").append(columns.get(i).name());
        }
        sql.append(") VALUES (").append("?, ".repeat(columns.size() - 1)).append("?)");
        try {
            insert = connection.prepareStatement(sql.toString());
        } catch (SQLException e) {
            throw new BulkInsertException("could not prepare the insert into " + table + ": " + e.getMessage(), e);
        }
    }

    /** Inserts into {@code table} on {@code connection}, in batches of {@code batchSize} rows. */
    public static BulkInsert into(Connection connection, String table, List<Column> columns, int batchSize) {
        return new BulkInsert(connection, table, columns, batchSize);
    }

    /** Inserts on the connection of the EntityManager's current transaction (call inside the transaction). */
    public static BulkInsert on(EntityManager em, String table, List<Column> columns) {
        return new BulkInsert(em.unwrap(Connection.class), table, columns, DEFAULT_BATCH);
    }

    /**
     * Adds one row, values in the order of the columns: null, String, Long, Integer, Boolean, BigDecimal, LocalDate,
     * Instant, an enum (its name) or anything the driver takes as is. Sends the batch when it is full.
     */
    public void row(Object... values) {
        if (values.length != columns.size()) {
            throw new IllegalArgumentException(values.length + " values for " + columns.size() + " columns of " + table);
        }
        try {
            for (int i = 0; i < values.length; i++) {
                bind(i + 1, columns.get(i).sqlType(), values[i]);
            }
            insert.addBatch();
        } catch (SQLException e) {
            throw new BulkInsertException("could not bind a row for " + table + ": " + e.getMessage(), e);
        }
        if (++pending >= batchSize) {
            flush();
        }
    }

    private void bind(int index, int sqlType, Object v) throws SQLException {
        if (v == null) {
            insert.setNull(index, sqlType);
        } else if (v instanceof String s) {
            insert.setString(index, s);
        } else if (v instanceof Long l) {
            insert.setLong(index, l);
        } else if (v instanceof Integer n) {
            insert.setInt(index, n);
        } else if (v instanceof Boolean b) {
            insert.setBoolean(index, b);
        } else if (v instanceof BigDecimal d) {
            insert.setBigDecimal(index, d);
        } else if (v instanceof LocalDate d) {
            insert.setDate(index, Date.valueOf(d));
        } else if (v instanceof Instant t) {
            insert.setTimestamp(index, Timestamp.from(t));
        } else if (v instanceof Enum<?> e) {
            insert.setString(index, e.name());
        } else {
            insert.setObject(index, v, sqlType);
        }
    }

    /** Sends the rows added since the last batch. */
    public void flush() {
        if (pending == 0) {
            return;
        }
        try {
            insert.executeBatch();
            written += pending;
            pending = 0;
        } catch (SQLException e) {
            SQLException first = e.getNextException() != null && e.getSQLState() == null ? e.getNextException() : e;
            throw new BulkInsertException("insert into " + table + " failed: " + first.getMessage(), e);
        }
    }

    /** Rows sent to the database so far. */
    public long written() {
        return written;
    }

    /** Sends what is pending and closes the statement (the connection stays the transaction's). */
    @Override
    public void close() {
        try {
            flush();
        } finally {
            try {
                insert.close();
            } catch (SQLException e) {
                // the statement dies with the connection anyway; the rows' fate is the transaction's
            }
        }
    }
}
