package org.sendscope.kernel;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import jdk.jshell.execution.DirectExecutionControl;
import jdk.jshell.spi.ExecutionControl;
import jdk.jshell.spi.ExecutionControlProvider;
import jdk.jshell.spi.ExecutionEnv;

/**
 * JShell's execution engine for the kernel: snippets run in the kernel's own JVM (so they see the
 * project's class path and can reach the display API), each on a fresh thread that an interrupt can
 * stop.
 *
 * <p>JShell only hands back a value as a source-like string ({@code "abc"} with its quotes). To
 * show a Tablesaw table or a chart we need the object itself, so each value is kept here under a
 * key and the key is what JShell sees as the value.
 */
final class CellExecutionControl extends DirectExecutionControl {
    /** Prefix of the keys this engine returns in place of values. */
    static final String KEY_PREFIX = "\u0000sendscope-value-";

    private final Map<String, Object> values = new ConcurrentHashMap<>();
    private final AtomicInteger nextKey = new AtomicInteger();
    private volatile Thread running;
    private volatile boolean stopRequested;
    private volatile boolean stopped;

    @Override
    protected String invoke(Method doit) throws Exception {
        AtomicReference<Object> value = new AtomicReference<>();
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        Thread t = new Thread(() -> {
            try {
                value.set(doit.invoke(null));
            } catch (InvocationTargetException e) {
                thrown.set(e.getCause());
            } catch (Throwable e) {
                thrown.set(e);
            }
        }, "sendscope-cell");
        t.setContextClassLoader(doit.getDeclaringClass().getClassLoader());
        stopRequested = false;
        running = t;
        t.start();
        try {
            t.join();
        } finally {
            running = null;
        }
        Throwable failure = thrown.get();
        if (stopRequested && (failure == null || failure instanceof ThreadDeath)) {
            stopped = true;
            throw new ExecutionControl.StoppedException();
        }
        if (failure != null) throw new InvocationTargetException(failure);
        String key = KEY_PREFIX + nextKey.incrementAndGet();
        if (value.get() != null) values.put(key, value.get());
        return key;
    }

    /** The object a snippet produced, by the key JShell reported as its value (removed once taken). */
    Object take(String key) {
        return key == null ? null : values.remove(key);
    }

    /** Whether the last snippet was stopped by an interrupt (JShell itself reports nothing then); clears it. */
    boolean takeStopped() {
        boolean s = stopped;
        stopped = false;
        return s;
    }

    /** Forgets values nobody asked for (declarations' initialisers), so they can be collected. */
    void forgetValues() {
        values.clear();
    }

    @Override
    @SuppressWarnings({"removal", "deprecation"})
    public void stop() {
        Thread t = running;
        if (t != null) {
            stopRequested = true;
            // Thread.stop is the only way to halt a loop that never checks for interrupts; JShell's
            // own local engine does the same on Java 17.
            t.interrupt();
            try {
                t.stop();
            } catch (UnsupportedOperationException e) {
                // A Java without Thread.stop: the interrupt above is all there is.
            }
        }
    }

    /** Hands JShell this engine. */
    static final class Provider implements ExecutionControlProvider {
        private final CellExecutionControl control;

        Provider(CellExecutionControl control) {
            this.control = control;
        }

        @Override
        public String name() {
            return "sendscope";
        }

        @Override
        public ExecutionControl generate(ExecutionEnv env, Map<String, String> parameters) {
            return control;
        }
    }
}
