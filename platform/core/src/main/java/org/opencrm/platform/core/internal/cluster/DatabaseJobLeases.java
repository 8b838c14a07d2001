package org.opencrm.platform.core.internal.cluster;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;

import javax.sql.DataSource;

import org.opencrm.platform.api.cluster.JobLeases;
import org.opencrm.platform.persistence.PlatformTable;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
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
 *
 * <p>While a task runs, its lease is renewed every third of the lease on a thread of this service: a run longer than
 * the lease (the outbox emptying a long queue under a till's load took more than its 15 s lease in the two-node test,
 * and the other node then took the lease and ran the job at the same time) keeps it for as long as the node lives;
 * renewals stop with the run, or with the node, and the lease then runs out as before.
 */
@Component(service = JobLeases.class)
public class DatabaseJobLeases implements JobLeases {
    private static final Logger LOG = LoggerFactory.getLogger(DatabaseJobLeases.class);
    static final String TABLE = "CRM_JOBLEASE";
    private final Clock clock;
    private final String node;
    private final PlatformTable table;
    /** How often a running task's lease is renewed, given the lease. */
    private final UnaryOperator<Duration> renewEvery;
    private final ScheduledExecutorService renewals;
    private final AtomicInteger renewed = new AtomicInteger();

    @Activate
    public DatabaseJobLeases(@Reference(target = "(osgi.jndi.service.name=crm)") DataSource dataSource) {
        this(dataSource, Clock.systemUTC(), nodeId(System.getProperty("karaf.name"), hostName()), lease -> lease.dividedBy(3));
        LOG.info("This node is {} in the cluster's job leases ({})", node, TABLE);
    }

    DatabaseJobLeases(DataSource dataSource, Clock clock, String node, UnaryOperator<Duration> renewEvery) {
        this.table = new PlatformTable(dataSource, TABLE, "NAME VARCHAR(64) NOT NULL PRIMARY KEY, HOLDER VARCHAR(64) NOT NULL, EXPIRESAT BIGINT NOT NULL");
        this.clock = clock;
        this.node = node;
        this.renewEvery = renewEvery;
        this.renewals = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "crm-job-lease-renewal");
            t.setDaemon(true);
            return t;
        });
    }

    @Deactivate
    void deactivate() {
        renewals.shutdownNow();
    }

    /** How many renewals during runs this node made (tests). */
    int renewed() {
        return renewed.get();
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
        long every = Math.max(1, renewEvery.apply(lease).toMillis());
        // no renewal after the run: one under way when it ends finishes first, none starts later
        AtomicBoolean running = new AtomicBoolean(true);
        ScheduledFuture<?> renewal = renewals.scheduleAtFixedRate(() -> {
            synchronized (running) {
                if (!running.get()) {
                    return;
                }
                if (take(job, lease)) {
                    renewed.incrementAndGet();
                } else {
                    LOG.warn("Lease of {} lost while its run goes on here (the database did not answer for longer than {}?)", job, lease);
                }
            }
        }, every, every, TimeUnit.MILLISECONDS);
        try {
            task.run();
        } finally {
            synchronized (running) {
                running.set(false);
            }
            renewal.cancel(false);
        }
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
