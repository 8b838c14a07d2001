package org.opencrm.platform.core.internal.cluster;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.UUID;

import javax.sql.DataSource;

import org.opencrm.platform.api.cluster.JobLeases;
import org.opencrm.platform.persistence.PlatformTable;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The cluster's job leases: one row per job in {@code CRM_JOBLEASE} (NAME, HOLDER, EXPIRESAT in epoch milliseconds of
 * the node's clock). Taking or renewing is one conditional UPDATE — the row is this node's already or its lease has
 * expired — so of two nodes at the same moment exactly one changes the row (the database's row lock orders them, and
 * the second then finds the lease taken); the first lease of a job is an INSERT, and a node that loses that race on
 * the primary key does not hold it. Plain JDBC on the crm DataSource, each statement committed on its own: no
 * persistence unit and no transaction of the caller are involved, and it works on Derby and PostgreSQL alike.
 */
@Component(service = JobLeases.class)
public class DatabaseJobLeases implements JobLeases {
    private static final Logger LOG = LoggerFactory.getLogger(DatabaseJobLeases.class);
    static final String TABLE = "CRM_JOBLEASE";
    private final Clock clock;
    private final String node;
    private final PlatformTable table;

    @Activate
    public DatabaseJobLeases(@Reference(target = "(osgi.jndi.service.name=crm)") DataSource dataSource) {
        this(dataSource, Clock.systemUTC(), nodeId(System.getProperty("karaf.name"), hostName()));
        LOG.info("This node is {} in the cluster's job leases ({})", node, TABLE);
    }

    DatabaseJobLeases(DataSource dataSource, Clock clock, String node) {
        this.table = new PlatformTable(dataSource, TABLE, "NAME VARCHAR(64) NOT NULL PRIMARY KEY, HOLDER VARCHAR(64) NOT NULL, EXPIRESAT BIGINT NOT NULL");
        this.clock = clock;
        this.node = node;
    }

    /**
     * The node's name and a random part: unique per start, recognisable in the table. The name is Karaf's instance name
     * ({@code karaf.name} in etc/system.properties) when an operator gave one, else (Karaf's default "root") the host's
     * name; two nodes on one host are told apart by their instance names.
     */
    static String nodeId(String karafName, String host) {
        String name = karafName == null || karafName.isBlank() || "root".equals(karafName) ? host : karafName.strip();
        String id = name + "-" + UUID.randomUUID().toString().substring(0, 8);
        return id.length() > 64 ? id.substring(id.length() - 64) : id;
    }

    private static String hostName() {
        try {
            return java.net.InetAddress.getLocalHost().getHostName();
        } catch (java.io.IOException e) {
            return "node";
        }
    }

    @Override
    public String node() {
        return node;
    }

    @Override
    public boolean runIfHolder(String job, Duration lease, Runnable task) {
        if (!take(job, lease)) {
            return false;
        }
        task.run();
        return true;
    }

    @Override
    public String holder(String job) {
        try (Connection c = table.connect(); PreparedStatement ps = c.prepareStatement("SELECT HOLDER, EXPIRESAT FROM " + TABLE + " WHERE NAME = ?")) {
            ps.setString(1, job);
            try (ResultSet rs = ps.executeQuery()) {
                String holder = rs.next() && rs.getLong(2) > clock.millis() ? rs.getString(1) : null;
                PlatformTable.commit(c);
                return holder;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the lease of " + job + ": " + e.getMessage(), e);
        }
    }

    /** Takes or renews the lease of {@code job} for {@code lease} from now; false when another node holds it. */
    boolean take(String job, Duration lease) {
        if (job.length() > 64 || lease.isNegative() || lease.isZero()) {
            throw new IllegalArgumentException("job name of at most 64 characters and a positive lease: " + job + ", " + lease);
        }
        long now = clock.millis();
        long until = now + lease.toMillis();
        try (Connection c = table.connect()) {
            try (PreparedStatement update = c.prepareStatement(
                    "UPDATE " + TABLE + " SET HOLDER = ?, EXPIRESAT = ? WHERE NAME = ? AND (HOLDER = ? OR EXPIRESAT < ?)")) {
                update.setString(1, node);
                update.setLong(2, until);
                update.setString(3, job);
                update.setString(4, node);
                update.setLong(5, now);
                int n = update.executeUpdate();
                PlatformTable.commit(c);
                if (n == 1) {
                    return true;
                }
            }
            try (PreparedStatement exists = c.prepareStatement("SELECT 1 FROM " + TABLE + " WHERE NAME = ?")) {
                exists.setString(1, job);
                try (ResultSet rs = exists.executeQuery()) {
                    boolean held = rs.next();
                    PlatformTable.commit(c);
                    if (held) {
                        return false;
                    }
                }
            }
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO " + TABLE + " (NAME, HOLDER, EXPIRESAT) VALUES (?, ?, ?)")) {
                insert.setString(1, job);
                insert.setString(2, node);
                insert.setLong(3, until);
                insert.executeUpdate();
                PlatformTable.commit(c);
                return true;
            } catch (SQLException e) {
                PlatformTable.rollback(c);
                if (e.getSQLState() != null && e.getSQLState().startsWith("23")) {
                    return false; // another node inserted it first: it holds the lease
                }
                throw e;
            }
        } catch (SQLException e) {
            LOG.warn("Lease of {} not taken: {}", job, e.getMessage());
            return false;
        }
    }
}
