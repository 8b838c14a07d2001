package org.opencrm.platform.persistence;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.OptionalLong;
import java.util.function.IntFunction;

import javax.persistence.EntityManager;

/**
 * Reserves a block of ids from a JPA {@code @TableGenerator} table (EclipseLink's default columns SEQ_NAME and
 * SEQ_COUNT) for bulk inserts that set ids themselves.
 *
 * <p>Why: EclipseLink draws a new block inside the transaction that persists, so that transaction holds the
 * generator row lock until it commits, and two bulk writers take turns instead of running side by side. Called in
 * its own short transaction, this moves the generator past {@code count} ids exactly as EclipseLink does (add,
 * then read), so the ids never collide with the ones EclipseLink hands out.
 */
public final class IdBlocks {
    private IdBlocks() {
    }

    /**
     * The first of {@code count} reserved ids (the block is {@code first .. first + count - 1}), or empty when the
     * generator row does not exist yet; then let JPA assign ids.
     */
    public static OptionalLong reserve(EntityManager em, String table, String sequenceName, int count) {
        if (count <= 0) {
            throw new IllegalArgumentException("count must be positive: " + count);
        }
        Connection connection = em.unwrap(Connection.class);
        try (PreparedStatement update = connection.prepareStatement("UPDATE " + table + " SET SEQ_COUNT = SEQ_COUNT + ? WHERE SEQ_NAME = ?")) {
            update.setLong(1, count);
            update.setString(2, sequenceName);
            if (update.executeUpdate() == 0) {
                return OptionalLong.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not reserve " + count + " ids from " + table + "/" + sequenceName + ": " + e.getMessage(), e);
        }
        try (PreparedStatement select = connection.prepareStatement("SELECT SEQ_COUNT FROM " + table + " WHERE SEQ_NAME = ?")) {
            select.setString(1, sequenceName);
            try (ResultSet rs = select.executeQuery()) {
                rs.next();
                return OptionalLong.of(rs.getLong(1) - count + 1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not read " + table + "/" + sequenceName + ": " + e.getMessage(), e);
        }
    }

    /**
     * Hands out ids for a bulk writer's chunks from blocks of at least {@code blockSize} ids, each reserved by
     * {@code reserve} (typically {@link #reserve} in a transaction of its own), so that the writer commits one
     * reservation per block instead of one per chunk. Ids left in the last block are never used (gaps, as
     * EclipseLink's own preallocation leaves). Thread-safe: the chunks' workers share one supply.
     */
    public static Supply supply(int blockSize, IntFunction<OptionalLong> reserve) {
        return new Supply(blockSize, reserve);
    }

    /** See {@link IdBlocks#supply}. */
    public static final class Supply {
        private final int blockSize;
        private final IntFunction<OptionalLong> reserve;
        private long next;
        private long end; // the block is next .. end - 1

        private Supply(int blockSize, IntFunction<OptionalLong> reserve) {
            if (blockSize <= 0) {
                throw new IllegalArgumentException("block size must be positive: " + blockSize);
            }
            this.blockSize = blockSize;
            this.reserve = reserve;
        }

        /** The first of {@code count} ids ({@code first .. first + count - 1}), or empty when {@code reserve} had none. */
        public synchronized OptionalLong take(int count) {
            if (count <= 0) {
                throw new IllegalArgumentException("count must be positive: " + count);
            }
            if (end - next < count) {
                int size = Math.max(count, blockSize);
                OptionalLong first = reserve.apply(size);
                if (first.isEmpty()) {
                    return first;
                }
                next = first.getAsLong();
                end = next + size;
            }
            long first = next;
            next += count;
            return OptionalLong.of(first);
        }
    }
}
