package org.sendscope.warehouse;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One writer at a time: an operating-system lock on {@code <warehouse>.lock}, held for as long as a
 * process is changing the warehouse, with the holder's PID written in the file so that the next
 * writer can say who it is waiting for. The operating system drops the lock when the holder dies,
 * so a killed load never leaves the warehouse locked. Readers never take it
 * (docs/decisions/0095-readers-during-loads.md).
 */
final class WriterLock implements AutoCloseable {
    private static final Duration POLL = Duration.ofMillis(100);
    // Locks this JVM holds. On Linux, closing any channel on a locked file drops the process's lock
    // on it, so a second open in the same JVM must not touch the file at all.
    private static final Set<Path> HELD_HERE = ConcurrentHashMap.newKeySet();

    private final Path lockFile;
    private final FileChannel channel;
    private final FileLock lock;

    private WriterLock(Path lockFile, FileChannel channel, FileLock lock) {
        this.lockFile = lockFile;
        this.channel = channel;
        this.lock = lock;
    }

    /** The lock file of a warehouse file. */
    static Path fileOf(Path warehouse) {
        return warehouse.resolveSibling(warehouse.getFileName() + ".lock");
    }

    /**
     * Takes the writer lock of {@code warehouse}, waiting up to {@code wait} for another writer to finish.
     *
     * @throws WarehouseInUseException when it is still held after {@code wait}
     */
    static WriterLock acquire(Path warehouse, Duration wait) {
        Path lockFile = fileOf(warehouse);
        // Elapsed time compared with the wait, not a deadline: --wait 10^15 must not overflow.
        long waitNanos = wait.compareTo(Duration.ofDays(365 * 100)) > 0 ? Long.MAX_VALUE : wait.toNanos();
        long start = System.nanoTime();
        while (true) {
            WriterLock l = tryAcquire(lockFile);
            if (l != null) return l;
            if (System.nanoTime() - start >= waitNanos) throw WarehouseInUseException.writerBusy(warehouse, holder(lockFile), wait);
            try {
                Thread.sleep(POLL.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw WarehouseInUseException.writerBusy(warehouse, holder(lockFile), wait);
            }
        }
    }

    private static WriterLock tryAcquire(Path lockFile) {
        if (!HELD_HERE.add(lockFile)) return null;
        FileChannel ch = null;
        try {
            ch = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
            FileLock lock = ch.tryLock();
            if (lock == null) {
                ch.close();
                HELD_HERE.remove(lockFile);
                return null;
            }
            ch.truncate(0);
            ch.write(ByteBuffer.wrap((ProcessHandle.current().pid() + "\n").getBytes(StandardCharsets.US_ASCII)), 0);
            ch.force(false);
            return new WriterLock(lockFile, ch, lock);
        } catch (IOException | RuntimeException e) {
            HELD_HERE.remove(lockFile);
            try {
                if (ch != null) ch.close();
            } catch (IOException ignored) {
                // the open failed already; that is the error to report
            }
            throw new WarehouseException("cannot take the writer lock " + lockFile + ": " + e.getMessage(), e);
        }
    }

    /** The PID written by the current holder, or null when it cannot be read (it is just starting). */
    private static Long holder(Path lockFile) {
        if (HELD_HERE.contains(lockFile)) return ProcessHandle.current().pid();
        try {
            String text = Files.readString(lockFile, StandardCharsets.US_ASCII).strip();
            return text.isEmpty() ? null : Long.valueOf(text);
        } catch (IOException | NumberFormatException e) {
            return null;
        }
    }

    /** Releases the lock; the file stays (removing it could let two writers lock two different files). */
    @Override
    public void close() {
        try {
            lock.release();
            channel.close();
        } catch (IOException e) {
            throw new WarehouseException("releasing the writer lock " + lockFile + ": " + e.getMessage(), e);
        } finally {
            HELD_HERE.remove(lockFile);
        }
    }
}
