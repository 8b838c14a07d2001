package org.opencrm.platform.core.internal.backup;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.Locale;
import java.util.stream.Stream;

import javax.sql.DataSource;

import org.opencrm.platform.api.ConflictException;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Online backup of the embedded Derby database while the node serves: Derby's
 * {@code SYSCS_UTIL.SYSCS_BACKUP_DATABASE}, which copies the database folder (data and transaction log) into a
 * consistent copy without blocking the transactions that go on meanwhile. The copy is a complete Derby database
 * ({@code <folder>/crmdb}): a node starts from it with the connection attribute {@code createFrom} (a fresh node) or
 * {@code restoreFrom} (replacing its database), see docs/operations.md. On any other database (PostgreSQL) it refuses
 * and names that database's own tool (pg_dump). The shell command {@code crm:backup} and
 * {@code POST /api/v1/admin/backup} both come here.
 */
@Component(service = DatabaseBackup.class, configurationPid = BackupConfig.PID)
@Designate(ocd = BackupConfig.class)
public class DatabaseBackup {
    private static final Logger LOG = LoggerFactory.getLogger(DatabaseBackup.class);
    static final DateTimeFormatter FOLDER_NAME = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    /** What was written: the backed-up database's folder, the database product, how long it took. */
    public record Backup(Path database, String product, long millis) {
    }

    private final DataSource dataSource;
    private volatile Path defaultFolder;

    @Activate
    public DatabaseBackup(@Reference(target = "(osgi.jndi.service.name=crm)") DataSource dataSource, BackupConfig config) {
        this.dataSource = dataSource;
        configure(config);
    }

    @Modified
    void configure(BackupConfig config) {
        String dir = config.directory() == null ? "" : config.directory().strip();
        defaultFolder = dir.isEmpty() ? Path.of(System.getProperty("karaf.data", "data"), "backup").toAbsolutePath() : Path.of(dir).toAbsolutePath();
    }

    /** The folder new backups go to when the caller names none. */
    public Path defaultFolder() {
        return defaultFolder;
    }

    /**
     * Backs the database up into {@code folder} (created if missing; {@code null}: a new sub-folder of the default
     * folder named by the current UTC time). A backup already in that folder is replaced.
     *
     * @throws ConflictException {@code backupNotDerby} when the database is not Derby (nothing is written)
     */
    public Backup backUp(Path folder) throws SQLException, IOException {
        try (Connection c = dataSource.getConnection()) {
            Path target = folder != null ? folder.toAbsolutePath() : newFolder(defaultFolder, Instant.now());
            Backup b = backUp(c, target);
            LOG.info("Database backed up to {} ({} ms)", b.database(), b.millis());
            return b;
        }
    }

    /** The backup itself on one connection (unit-tested on a plain embedded Derby). */
    static Backup backUp(Connection c, Path target) throws SQLException, IOException {
        String product = c.getMetaData().getDatabaseProductName();
        if (product == null || !product.toLowerCase(Locale.ROOT).contains("derby")) {
            throw new ConflictException("backup_not_supported", null,
                    "the database is " + product + ", not embedded Derby: back it up with its own tools (PostgreSQL: pg_dump -Fc,"
                            + " see docs/operations.md)",
                    "backupNotDerby", String.valueOf(product));
        }
        Files.createDirectories(target);
        long start = System.nanoTime();
        try (CallableStatement call = c.prepareCall("CALL SYSCS_UTIL.SYSCS_BACKUP_DATABASE(?)")) {
            call.setString(1, target.toString());
            call.execute();
        }
        if (!c.getAutoCommit()) {
            c.commit();
        }
        long millis = (System.nanoTime() - start) / 1_000_000;
        return new Backup(databaseFolder(target, c.getMetaData().getURL()), product, millis);
    }

    /** A sub-folder named by the UTC time, with a suffix if a backup of the same second is there already. */
    static Path newFolder(Path parent, Instant now) {
        String name = FOLDER_NAME.format(now);
        Path p = parent.resolve(name);
        for (int i = 2; Files.exists(p); i++) {
            p = parent.resolve(name + "-" + i);
        }
        return p;
    }

    /** Derby writes the copy to {@code <target>/<database's folder name>}: the last path element of its URL. */
    static Path databaseFolder(Path target, String url) throws IOException {
        if (url != null && url.startsWith("jdbc:derby:")) {
            String path = url.substring("jdbc:derby:".length());
            int semi = path.indexOf(';');
            path = semi >= 0 ? path.substring(0, semi) : path;
            String name = path.substring(Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\')) + 1);
            if (!name.isEmpty() && Files.isDirectory(target.resolve(name))) {
                return target.resolve(name);
            }
        }
        try (Stream<Path> children = Files.list(target)) {
            // the URL did not name it (a data source without one): the database folder Derby just wrote
            return children.filter(p -> Files.isRegularFile(p.resolve("service.properties")))
                    .max(Comparator.comparing(p -> p.toFile().lastModified())).orElse(target);
        }
    }
}
