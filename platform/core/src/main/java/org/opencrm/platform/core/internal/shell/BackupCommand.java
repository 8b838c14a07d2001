package org.opencrm.platform.core.internal.shell;

import java.io.File;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import javax.sql.DataSource;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;

/**
 * {@code crm:backup [DIR]}: an online backup of the embedded Derby database while the node serves (Derby's
 * SYSCS_UTIL.SYSCS_BACKUP_DATABASE: a consistent copy; writes wait while it copies). The copy is
 * {@code DIR/crmdb} (default {@code data/backup/<UTC time>/crmdb}); restore it into a stopped or fresh node as the
 * README says. On PostgreSQL the database's own tools do this (pg_dump); the command says so.
 */
@Command(scope = "crm", name = "backup", description = "Online backup of the embedded Derby database (PostgreSQL: use pg_dump, see the README)")
@Service
public class BackupCommand implements Action {
    @Reference(filter = "(osgi.jndi.service.name=crm)")
    DataSource dataSource;

    @Argument(index = 0, name = "dir", description = "the folder to write the backup into (default data/backup/<UTC time>)", required = false)
    String dir;

    @Override
    public Object execute() throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            String product = c.getMetaData().getDatabaseProductName();
            if (!product.toLowerCase(Locale.ROOT).contains("derby")) {
                System.out.println("The database is " + product + ": back it up with its own tools (PostgreSQL: pg_dump -Fc; see the README, Operating).");
                return null;
            }
            File target = new File(dir != null ? dir
                    : System.getProperty("karaf.data", "data") + "/backup/"
                            + ZonedDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")));
            if (!target.isDirectory() && !target.mkdirs()) {
                System.out.println("Cannot create " + target);
                return null;
            }
            long start = System.nanoTime();
            try (CallableStatement call = c.prepareCall("CALL SYSCS_UTIL.SYSCS_BACKUP_DATABASE(?)")) {
                call.setString(1, target.getAbsolutePath());
                call.execute();
            }
            if (!c.getAutoCommit()) {
                c.commit();
            }
            System.out.printf("Backed up to %s (%d ms)%n", new File(target, "crmdb").getAbsolutePath(), (System.nanoTime() - start) / 1_000_000);
        }
        return null;
    }
}
