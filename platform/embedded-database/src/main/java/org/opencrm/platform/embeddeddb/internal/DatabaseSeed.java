package org.opencrm.platform.embeddeddb.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

/** Lays a database's files down at a directory that does not exist yet, all at once or not at all. */
final class DatabaseSeed {
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
        Path staging = parent.resolve(target.getFileName() + ".seeding-" + UUID.randomUUID());
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
            }
            if (Files.exists(target)) {
                return false; // (a rename would replace a directory that is still empty)
            }
            try {
                Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
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
