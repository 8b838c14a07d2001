package org.opencrm.apiclient;

import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Waits (on file-system events) until {@link ServedDistribution}, started in the background, has saved the document,
 * and fails with its reason if it wrote served.failed instead. Arguments: the document, the longest wait in seconds.
 */
public final class AwaitDocument {
    private AwaitDocument() {
    }

    public static void main(String[] args) throws Exception {
        Path document = Path.of(args[0]).toAbsolutePath();
        Duration timeout = Duration.ofSeconds(Long.parseLong(args[1]));
        Path failed = ServedDistribution.failedMarker(document);
        Files.createDirectories(document.getParent());
        long deadline = System.nanoTime() + timeout.toNanos();
        try (WatchService watcher = FileSystems.getDefault().newWatchService()) {
            document.getParent().register(watcher, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_MODIFY);
            while (true) {
                if (Files.exists(document)) {
                    return;
                }
                if (Files.exists(failed)) {
                    System.err.println("The distribution did not serve its OpenAPI document:\n" + Files.readString(failed));
                    System.exit(1);
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    System.err.println("No OpenAPI document at " + document + " after " + timeout + "; see the console.log of the served distribution");
                    System.exit(1);
                }
                WatchKey key = watcher.poll(left, TimeUnit.NANOSECONDS);
                if (key != null) {
                    key.pollEvents();
                    key.reset();
                }
            }
        }
    }
}
