package org.sendscope.kernel;

import java.util.Optional;
import java.util.function.LongConsumer;

/**
 * Watches the Jupyter process that started the kernel. Jupyter names itself in
 * {@code JPY_PARENT_PID}; without it the kernel's own parent process is taken. When that process
 * has gone (killed, crashed, its terminal closed) no client can reach the kernel, so it should
 * exit instead of living on with the warehouse open.
 */
final class ParentWatch {
    /** How often the parent is looked at: an orphaned kernel is gone within about a second. */
    static final long EVERY_MS = 500;

    private ParentWatch() {
    }

    /** Starts a daemon thread that calls {@code onGone} with the parent's PID once it has exited. */
    static void start(LongConsumer onGone) {
        Optional<ProcessHandle> parent = parent();
        if (parent.isEmpty()) return;
        ProcessHandle p = parent.get();
        Thread t = new Thread(() -> {
            while (p.isAlive()) {
                try {
                    Thread.sleep(EVERY_MS);
                } catch (InterruptedException e) {
                    return;
                }
            }
            onGone.accept(p.pid());
        }, "sendscope-parent-watch");
        t.setDaemon(true);
        t.start();
    }

    static Optional<ProcessHandle> parent() {
        String named = System.getenv("JPY_PARENT_PID");
        if (named != null && named.strip().matches("\\d+")) {
            Optional<ProcessHandle> p = ProcessHandle.of(Long.parseLong(named.strip()));
            if (p.isPresent()) return p;
        }
        return ProcessHandle.current().parent();
    }
}
