/**
 * Facts of a cluster of nodes on one database: {@link org.opencrm.platform.api.cluster.JobLeases} lets a scheduled job
 * run on one node of the cluster at a time (a lease row in the database, taken over when its holder's lease expires).
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package org.opencrm.platform.api.cluster;
