package org.sendscope.ingest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Temporary folders a load unpacks into. Each is named after the process that made it
 * ({@code sendscope-load-PID-…}), is removed when its load ends however it ends, and one left
 * behind by a killed process is removed by the next load that needs a folder: a folder whose
 * process is no longer running belongs to nobody.
 */
public final class LoadTemp {
    private static final String PREFIX = "sendscope-load-";
    private static final Pattern OWNER = Pattern.compile(Pattern.quote(PREFIX) + "(\\d+)-.*");
    private static volatile boolean swept;

    private LoadTemp() {
    }

    /** A new empty folder for one load; stale folders of dead processes are removed first. */
    public static Path folder() throws IOException {
        if (!swept) {
            sweepStale(tempRoot());
            swept = true;
        }
        return Files.createTempDirectory(PREFIX + ProcessHandle.current().pid() + "-");
    }

    /** Removes the folders of {@code root} made by loads whose process has gone; returns how many. */
    public static int sweepStale(Path root) {
        int removed = 0;
        try (Stream<Path> s = Files.list(root)) {
            for (Path p : s.toList()) {
                Matcher m = OWNER.matcher(p.getFileName().toString());
                if (!m.matches() || !Files.isDirectory(p)) continue;
                long pid = Long.parseLong(m.group(1));
                // a live process (this one, or another load) may still be using its folder
                if (pid == ProcessHandle.current().pid() || ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
                    continue;
                }
                delete(p);
                removed++;
            }
        } catch (IOException e) {
            // an unreadable temp root: nothing to sweep
        }
        return removed;
    }

    /** Removes a folder and everything in it. */
    public static void delete(Path dir) {
        if (dir == null) return;
        try (Stream<Path> s = Files.walk(dir)) {
            s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // already gone, or a file in use: the next sweep removes it
        }
    }

    static Path tempRoot() {
        return Path.of(System.getProperty("java.io.tmpdir"));
    }
}
