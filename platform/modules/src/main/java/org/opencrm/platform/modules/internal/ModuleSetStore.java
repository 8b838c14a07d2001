package org.opencrm.platform.modules.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import java.util.TreeMap;

import javax.sql.DataSource;

import org.opencrm.platform.persistence.PlatformTable;
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
    private final PlatformTable table;

    @Activate
    public ModuleSetStore(@Reference(target = "(osgi.jndi.service.name=crm)") DataSource dataSource) {
        this.table = new PlatformTable(dataSource, TABLE, "MODULEID VARCHAR(100) NOT NULL PRIMARY KEY, ENABLED SMALLINT NOT NULL, CHANGEDAT BIGINT NOT NULL, CHANGEDBY VARCHAR(64)");
    }

    /** Module id → enabled, for every module the cluster decided on. */
    public Map<String, Boolean> read() {
        try (Connection c = table.connect(); PreparedStatement ps = c.prepareStatement("SELECT MODULEID, ENABLED FROM " + TABLE)) {
            Map<String, Boolean> set = new TreeMap<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    set.put(rs.getString(1), rs.getInt(2) != 0);
                }
            }
            PlatformTable.commit(c);
            return set;
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the cluster's module set: " + e.getMessage(), e);
        }
    }

    /** Records that the module is to be enabled (or disabled) on every node. */
    public void record(String id, boolean enabled, String by) {
        try (Connection c = table.connect()) {
            int n;
            try (PreparedStatement update = c.prepareStatement("UPDATE " + TABLE + " SET ENABLED = ?, CHANGEDAT = ?, CHANGEDBY = ? WHERE MODULEID = ?")) {
                update.setInt(1, enabled ? 1 : 0);
                update.setLong(2, System.currentTimeMillis());
                update.setString(3, by);
                update.setString(4, id);
                n = update.executeUpdate();
                PlatformTable.commit(c);
            }
            if (n == 0) {
                try (PreparedStatement insert = c.prepareStatement("INSERT INTO " + TABLE + " (MODULEID, ENABLED, CHANGEDAT, CHANGEDBY) VALUES (?, ?, ?, ?)")) {
                    insert.setString(1, id);
                    insert.setInt(2, enabled ? 1 : 0);
                    insert.setLong(3, System.currentTimeMillis());
                    insert.setString(4, by);
                    insert.executeUpdate();
                    PlatformTable.commit(c);
                } catch (SQLException e) {
                    PlatformTable.rollback(c);
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
}
