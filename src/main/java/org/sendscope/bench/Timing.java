package org.sendscope.bench;

import java.util.Arrays;

/** How the benchmarks time a task: once to warm the JIT, then the median of three timed runs. */
public final class Timing {
    private Timing() {
    }

    /** Seconds: the median of three runs of {@code task}, after one untimed run. */
    public static double warmMedianSeconds(Runnable task) {
        task.run();
        double[] t = new double[3];
        for (int i = 0; i < t.length; i++) {
            long start = System.nanoTime();
            task.run();
            t[i] = (System.nanoTime() - start) / 1e9;
        }
        Arrays.sort(t);
        return t[1];
    }
}
