import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Build step (exec-maven-plugin, run by the source launcher): creates an empty embedded Derby database (its system
 * catalogs, no table of ours, no user) at the directory given and shuts Derby down cleanly, so that the copy needs no
 * recovery, and records Derby's version beside it ({@code <directory>.properties}). The bundle carries both; the first
 * start lays the database down instead of having Derby create one. Arguments: the database directory, then where
 * Derby writes its log (not into the bundle).
 */
public class CreateEmptyDatabase {
    public static void main(String[] args) throws IOException, SQLException {
        Path target = Path.of(args[0]).toAbsolutePath();
        if (Files.exists(target)) {
            try (Stream<Path> old = Files.walk(target)) {
                for (Path p : old.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
        Files.createDirectories(target.getParent());
        System.setProperty("derby.stream.error.file", Path.of(args[1]).toAbsolutePath().toString());
        int major;
        int minor;
        try (Connection c = DriverManager.getConnection("jdbc:derby:" + target + ";create=true")) {
            c.createStatement().execute("VALUES 1");
            major = c.getMetaData().getDriverMajorVersion();
            minor = c.getMetaData().getDriverMinorVersion();
        }
        try {
            DriverManager.getConnection("jdbc:derby:;shutdown=true");
        } catch (SQLException expected) {
            if (!"XJ015".equals(expected.getSQLState())) { // XJ015: Derby's "system shut down", its normal answer
                throw expected;
            }
        }
        // which Derby made it: an older Derby at runtime could not open it (a newer one upgrades it softly)
        Files.writeString(target.resolveSibling(target.getFileName() + ".properties"),
                "# the Derby release that created the empty database beside this file\nderby.major=" + major + "\nderby.minor=" + minor + "\n");
        System.out.println("Empty Derby " + major + "." + minor + " database created at " + target);
    }
}
