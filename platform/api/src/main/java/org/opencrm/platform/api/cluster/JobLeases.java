package org.opencrm.platform.api.cluster;

import java.time.Duration;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Runs a scheduled job on one node of the cluster only. Every node schedules the job as usual and calls
 * {@link #runIfHolder} at each of its ticks; the call runs the task only on the node that holds the job's lease (a row
 * in the shared database), renewing it, and returns false at once on every other node. When the holder stops renewing
 * (it stopped, was killed or lost the database), another node takes the lease over at its first tick after the lease
 * expired. With one node, that node always holds it.
 *
 * <p>The lease must be longer than the job's period (twice the period is the usual choice: the holder renews at each
 * tick, a node that died is replaced within the lease and one period). While the task runs, the holder renews the
 * lease every third of it, so a run may take longer than the lease without another node starting the job meanwhile.
 * The nodes' clocks are assumed to agree within a small part of the lease (NTP).
 *
 * <p>The platform registers one as a service; jobs take it by {@code @Reference}. Never copy it into a module.
 */
@ProviderType
public interface JobLeases {
    /**
     * Runs {@code task} on this thread if this node holds or could take the lease of {@code job} for {@code lease};
     * returns whether it ran. The lease is renewed before the task runs. An exception of the task is thrown on.
     *
     * @param job a name unique in the cluster, e.g. "membership.expiry" (at most 64 characters)
     */
    boolean runIfHolder(String job, Duration lease, Runnable task);

    /** This node's id in the leases (unique per start of a node). */
    String node();

    /** The node that holds the lease of {@code job} now, or null when nobody holds it (or it expired). */
    String holder(String job);
}
