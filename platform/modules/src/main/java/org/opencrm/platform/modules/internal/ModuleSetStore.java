package org.opencrm.platform.modules.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import java.util.TreeMap;

import javax.sql.DataSource;

import org.opencrm.platform.persistence.Schema;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The cluster's set of enabled modules, in the shared database ({@code CRM_MODULE_SET}: one row per module that was
 * ever enabled or disabled, ENABLED 1 or 0). Every node writes here when it is asked to enable or disable a module and
 * converges on what it reads ({@link ModuleManager}). Plain JDBC on the crm DataSource, each statement committed on its
 * own; Derby and PostgreSQL alike.
 */
@Component(service = ModuleSetStore.class)
public class ModuleSetStore {
    static final String TABLE = "CRM_MODULE_SET";
    private final DataSource dataSource;
    private volatile boolean tableChecked;

    @Activate
    public ModuleSetStore(@Reference(target = "(osgi.jndi.service.name=crm)") DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Module id → enabled, for every module the cluster decided on. */
    public Map<String, Boolean> read() {
        try (Connection c = connection(); PreparedStatement ps = c.prepareStatement("SELECT MODULEID, ENABLED FROM " + TABLE)) {
            Map<String, Boolean> set = new TreeMap<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    set.put(rs.getString(1), rs.getInt(2) != 0);
                }
            }
            done(c);
            return set;
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the cluster's module set: " + e.getMessage(), e);
        }
    }

    /** Records that the module is to be enabled (or disabled) on every node. */
    public void record(String id, boolean enabled, String by) {
        try (Connection c = connection()) {
            int n;
            try (PreparedStatement update = c.prepareStatement("UPDATE " + TABLE + " SET ENABLED = ?, CHANGEDAT = ?, CHANGEDBY = ? WHERE MODULEID = ?")) {
                update.setInt(1, enabled ? 1 : 0);
                update.setLong(2, System.currentTimeMillis());
                update.setString(3, by);
                update.setString(4, id);
                n = update.executeUpdate();
                done(c);
            }
            if (n == 0) {
                try (PreparedStatement insert = c.prepareStatement("INSERT INTO " + TABLE + " (MODULEID, ENABLED, CHANGEDAT, CHANGEDBY) VALUES (?, ?, ?, ?)")) {
                    insert.setString(1, id);
                    insert.setInt(2, enabled ? 1 : 0);
                    insert.setLong(3, System.currentTimeMillis());
                    insert.setString(4, by);
                    insert.executeUpdate();
                    done(c);
                } catch (SQLException e) {
                    undo(c);
                    if (e.getSQLState() == null || !e.getSQLState().startsWith("23")) {
                        throw e;
                    }
                    record(id, enabled, by); // another node inserted it at the same moment: the last word wins
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not record module " + id + " in the cluster's module set: " + e.getMessage(), e);
        }
    }

    private Connection connection() throws SQLException {
        Connection c = dataSource.getConnection();
        if (!tableChecked) {
            try {
                Schema.ensureTable(c, TABLE, "MODULEID VARCHAR(100) NOT NULL PRIMARY KEY, ENABLED SMALLINT NOT NULL, CHANGEDAT BIGINT NOT NULL, CHANGEDBY VARCHAR(64)");
            } catch (SQLException e) {
                c.close();
                throw e;
            }
            tableChecked = true;
        }
        return c;
    }

    private static void done(Connection c) throws SQLException {
        if (!c.getAutoCommit()) {
            c.commit();
        }
    }

    private static void undo(Connection c) throws SQLException {
        if (!c.getAutoCommit()) {
            c.rollback();
        }
    }
}
