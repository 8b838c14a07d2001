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
 * recovery. The bundle carries it; the first start lays it down instead of having Derby create one. Arguments: the
 * database directory, then where Derby writes its log (not into the bundle).
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
        try (Connection c = DriverManager.getConnection("jdbc:derby:" + target + ";create=true")) {
            c.createStatement().execute("VALUES 1");
        }
        try {
            DriverManager.getConnection("jdbc:derby:;shutdown=true");
        } catch (SQLException expected) {
            if (!"XJ015".equals(expected.getSQLState())) { // XJ015: Derby's "system shut down", its normal answer
                throw expected;
            }
        }
        System.out.println("Empty Derby database created at " + target);
    }
}
