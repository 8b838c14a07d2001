package org.opencrm.platform.embeddeddb.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

/** Lays a database's files down at a directory that does not exist yet, all at once or not at all. */
final class DatabaseSeed {
    /** The name of a copy being made: {@code <database>.seeding-<uuid>}, beside the database. */
    static final String STAGING = ".seeding-";

    /** Opens one file of the template by its relative path ("seg0/c10.dat"). */
    interface Template {
        InputStream open(String file) throws IOException;
    }

    private DatabaseSeed() {
    }

    /**
     * Copies {@code files} of the template to {@code target} when nothing is there: first into a sibling directory
     * of a temporary name, then renamed to {@code target} in one step (atomic on one file system), so that nobody
     * finds half a database there. (Derby is not running yet: the feature starts this bundle before pax-jdbc.)
     *
     * @return whether the copy is the one in place; false when {@code target} existed (before or by the time of the
     *         rename) and was left alone
     */
    static boolean layDown(Path target, List<String> files, Template template) throws IOException {
        if (Files.exists(target) || files.isEmpty()) {
            return false;
        }
        Path parent = target.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        removeStaleStaging(parent, target.getFileName() + STAGING);
        Path staging = parent.resolve(target.getFileName() + STAGING + UUID.randomUUID());
        try {
            for (String file : files) {
                Path to = staging.resolve(file).normalize();
                if (!to.startsWith(staging)) {
                    throw new IOException("template file outside the database: " + file);
                }
                Files.createDirectories(to.getParent());
                try (InputStream in = template.open(file)) {
                    Files.copy(in, to);
                }
                // on disk before the rename makes it the database: a power cut must not leave empty catalogs there
                try (FileChannel written = FileChannel.open(to, StandardOpenOption.WRITE)) {
                    written.force(true);
                }
            }
            if (Files.exists(target)) {
                return false; // (a rename would replace a directory that is still empty)
            }
            try {
                Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
                forceDirectory(parent); // the rename itself on disk
                return true;
            } catch (FileSystemException arrivedMeanwhile) {
                // the JDK names "directory not empty" differently per platform; what counts is whether it is there now
                if (Files.exists(target)) {
                    return false;
                }
                throw arrivedMeanwhile;
            }
        } finally {
            deleteTree(staging);
        }
    }

    /** A copy cut short by a crash or power cut at an earlier start: removed, never renamed into place. */
    private static void removeStaleStaging(Path parent, String prefix) throws IOException {
        try (DirectoryStream<Path> stale = Files.newDirectoryStream(parent, p -> p.getFileName().toString().startsWith(prefix))) {
            for (Path p : stale) {
                deleteTree(p);
            }
        }
    }

    /** Flushes a directory's entries where the platform allows it (Linux does; Windows cannot open a directory). */
    private static void forceDirectory(Path dir) {
        try (FileChannel d = FileChannel.open(dir, StandardOpenOption.READ)) {
            d.force(true);
        } catch (IOException | UnsupportedOperationException notSupported) {
            // the data files are on disk already; only the rename may be lost, and then the next start lays it down again
        }
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> all = Files.walk(root)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
