package org.sendscope.ingest;

import java.util.function.Consumer;
import org.sendscope.warehouse.Warehouse;

/**
 * Named points along a load (unpacked, started, each file staged and inserted, superseded, about
 * to commit, committed, and the warehouse file replaced by the working copy when it is closed),
 * where tests stop or break a real load to prove that it either lands whole or not at all.
 *
 * <p>With {@code -Dsendscope.test.pauseAt=POINT} the process prints {@code sendscope: paused at
 * POINT} on standard error and sleeps there, so that a test can kill it at a known moment. In the
 * same JVM a test can set {@link #hook} to throw at a point. Neither is set in normal use, when a
 * point costs one property read.
 */
public final class LoadPoints {
    /** The system property naming the point at which to pause. */
    public static final String PAUSE_AT = "sendscope.test.pauseAt";

    /** Called at each point (tests only); may throw to simulate a failure there. */
    static volatile Consumer<String> hook;

    static {
        // The warehouse layer knows nothing of loads: it calls this back when a copy replaced the file.
        Warehouse.afterReplace(() -> reached("replaced"));
    }

    private LoadPoints() {
    }

    /**
     * Makes sure the points are in place before a warehouse is opened for loading, so that even a
     * load that changes nothing passes {@code replaced} when its warehouse is closed.
     */
    public static void install() {
        // loading the class ran its static block
    }

    /** Marks that a load has reached {@code point}. */
    public static void reached(String point) {
        Consumer<String> h = hook;
        if (h != null) h.accept(point);
        if (point.equals(System.getProperty(PAUSE_AT))) {
            System.err.println("sendscope: paused at " + point);
            System.err.flush();
            try {
                Thread.sleep(Long.MAX_VALUE);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
