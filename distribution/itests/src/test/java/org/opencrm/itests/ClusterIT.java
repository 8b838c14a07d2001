package org.opencrm.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

import javax.sql.DataSource;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerSuite;
import org.osgi.framework.ServiceReference;

/**
 * The facts a cluster of nodes shares in the database, seen from one node: it follows the cluster's set of enabled
 * modules when another node changes it (a row written here as that node would), and its scheduled jobs hold their
 * lease in CRM_JOBLEASE.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerSuite.class)
public class ClusterIT extends CrmTestSupport {
    private static final String MODULE = "sample-notes";

    @Test
    public void aModuleEnabledOrDisabledByAnotherNodeIsFollowedHere() throws Exception {
        if ("ACTIVE".equals(state())) {
            post("modules/" + MODULE + "/disable", "").expect(200);
        }
        assertEquals("AVAILABLE", state());
        long start = System.nanoTime();
        writeModuleSet(MODULE, true);
        await(MODULE + " enabled here after another node enabled it", this::state, "ACTIVE"::equals);
        System.out.println("ClusterIT: module enabled on another node followed here in " + (System.nanoTime() - start) / 1_000_000 + " ms");
        start = System.nanoTime();
        writeModuleSet(MODULE, false);
        await(MODULE + " disabled here after another node disabled it", this::state, "AVAILABLE"::equals);
        System.out.println("ClusterIT: module disabled on another node followed here in " + (System.nanoTime() - start) / 1_000_000 + " ms");
    }

    @Test
    public void theOutboxDeliveryHoldsItsLeaseInTheDatabase() throws Exception {
        if (!"ACTIVE".equals(get("modules/membership-points").expect(200).json().get("state").asText())) {
            assertEquals("ACTIVE", post("modules/membership-points/enable", "").expect(200).json().get("state").asText());
        }
        String holder = await("the membership outbox's lease taken", () -> leaseHolder("membership.outbox"), h -> h != null);
        assertNotNull(holder);
    }

    private String state() {
        return get("modules/" + MODULE).expect(200).json().get("state").asText();
    }

    private String leaseHolder(String job) {
        try (Connection c = dataSource().getConnection();
                PreparedStatement ps = c.prepareStatement("SELECT HOLDER FROM CRM_JOBLEASE WHERE NAME = ?")) {
            ps.setString(1, job);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        } catch (SQLException e) {
            return null; // the table is created with the first lease
        }
    }

    /** What another node does when it is asked to enable or disable a module: the row of the cluster's module set. */
    private void writeModuleSet(String id, boolean enabled) throws SQLException {
        try (Connection c = dataSource().getConnection()) {
            int n;
            try (PreparedStatement update = c.prepareStatement("UPDATE CRM_MODULE_SET SET ENABLED = ?, CHANGEDAT = ?, CHANGEDBY = 'other-node' WHERE MODULEID = ?")) {
                update.setInt(1, enabled ? 1 : 0);
                update.setLong(2, System.currentTimeMillis());
                update.setString(3, id);
                n = update.executeUpdate();
            }
            if (n == 0) {
                try (PreparedStatement insert = c.prepareStatement("INSERT INTO CRM_MODULE_SET (MODULEID, ENABLED, CHANGEDAT, CHANGEDBY) VALUES (?, ?, ?, 'other-node')")) {
                    insert.setString(1, id);
                    insert.setInt(2, enabled ? 1 : 0);
                    insert.setLong(3, System.currentTimeMillis());
                    insert.executeUpdate();
                }
            }
            if (!c.getAutoCommit()) {
                c.commit();
            }
        }
    }

    private DataSource dataSource() {
        try {
            ServiceReference<DataSource> ref = bundleContext.getServiceReferences(DataSource.class, "(osgi.jndi.service.name=crm)").iterator().next();
            return bundleContext.getService(ref);
        } catch (org.osgi.framework.InvalidSyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
