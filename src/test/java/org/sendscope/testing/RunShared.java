package org.sendscope.testing;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Things a test run makes once for all its test JVMs: the shared-data warehouses and their
 * Parquet exports. Surefire runs the suite in two JVMs (docs/decisions/0135); without this each
 * built its own copy of the same warehouse, so the two cores spent their time loading the same
 * releases twice (docs/decisions/0136).
 *
 * <p>Maven passes the run's start time as {@code -Dsendscope.test.run}; everything of one run lives
 * in {@code target/test-run/TIME/}, and the first JVM that asks for a thing makes it while holding a
 * file lock, so the other waits and then reads the finished copy instead of making its own. A thing
 * is moved into place whole, so no JVM sees half of one. Run outside Maven (no property), the folder
 * is a temporary one of this JVM, as before. Folders of earlier runs go when no JVM uses them.
 */
public final class RunShared {
    private static final String IN_USE = "in-use.lock";
    private static Path folder;

    private RunShared() {
    }

    /** What makes a thing: writes it (a file or a folder) at the path it is given. */
    @FunctionalInterface
    public interface Maker {
        void make(Path into) throws IOException;
    }

    /**
     * The thing called {@code name} in this run, made by {@code maker} if no JVM of the run has made
     * it yet. Callers treat it as read-only: copy a warehouse before writing to it.
     */
    public static synchronized Path once(String name, Maker maker) {
        Path dir = folder();
        Path done = dir.resolve(name);
        if (Files.exists(done)) return done;
        try (FileChannel ch = FileChannel.open(dir.resolve(name + ".lock"), StandardOpenOption.CREATE,
                StandardOpenOption.WRITE); FileLock lock = ch.lock()) {
            if (Files.exists(done)) return done;   // the other JVM made it while this one waited
            Path part = Files.createTempDirectory(dir, name + ".part-");
            Path made = part.resolve(name);
            maker.make(made);
            if (!Files.exists(made)) throw new IllegalStateException("making " + name + " wrote nothing at " + made);
            Files.move(made, done, StandardCopyOption.ATOMIC_MOVE);
            delete(part);
            return done;
        } catch (IOException e) {
            throw new IllegalStateException("cannot make " + name + " in " + dir, e);
        }
    }

    /** This run's folder, created (and held as in use until this JVM exits) on first use. */
    static synchronized Path folder() {
        if (folder != null) return folder;
        try {
            String run = System.getProperty("sendscope.test.run", "");
            if (run.isBlank()) {
                folder = Files.createTempDirectory("sendscope-run-");
                Path f = folder;
                Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteQuietly(f), "delete-test-run"));
                return folder;
            }
            Path runs = Path.of("target", "test-run").toAbsolutePath();
            Files.createDirectories(runs);
            Path dir = runs.resolve(run.replaceAll("[^0-9A-Za-z_.-]", "-"));
            Files.createDirectories(dir);
            // A shared lock for the JVM's life: another run's clean-up sees the folder is in use.
            FileChannel inUse = FileChannel.open(dir.resolve(IN_USE), StandardOpenOption.CREATE, StandardOpenOption.READ,
                    StandardOpenOption.WRITE);
            inUse.lock(0, Long.MAX_VALUE, true);
            folder = dir;
            deleteUnusedRuns(runs, dir);
            return folder;
        } catch (IOException e) {
            throw new IllegalStateException("cannot create the test run's folder", e);
        }
    }

    /** Deletes earlier runs' folders that no JVM holds. */
    private static void deleteUnusedRuns(Path runs, Path current) throws IOException {
        try (Stream<Path> s = Files.list(runs)) {
            long minuteAgo = System.currentTimeMillis() - 60_000;
            for (Path other : s.filter(p -> !p.equals(current) && Files.isDirectory(p)).toList()) {
                // a run that started this minute may not have taken its lock yet
                if (Files.getLastModifiedTime(other).toMillis() > minuteAgo) continue;
                Path lockFile = other.resolve(IN_USE);
                if (!Files.exists(lockFile)) {
                    deleteQuietly(other);
                    continue;
                }
                try (FileChannel ch = FileChannel.open(lockFile, StandardOpenOption.READ, StandardOpenOption.WRITE);
                        FileLock l = ch.tryLock()) {
                    if (l != null) deleteQuietly(other);
                } catch (IOException | java.nio.channels.OverlappingFileLockException ignored) {
                    // in use, or already gone: leave it
                }
            }
        }
    }

    private static void deleteQuietly(Path p) {
        try {
            delete(p);
        } catch (IOException ignored) {
            // a temporary folder; what is left is cleaned with target/
        }
    }

    private static void delete(Path p) throws IOException {
        if (!Files.exists(p)) return;
        try (Stream<Path> s = Files.walk(p)) {
            for (Path x : s.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(x);
        }
    }
}
