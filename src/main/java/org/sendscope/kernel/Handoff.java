package org.sendscope.kernel;

/**
 * Passes one object from the kernel into the Java shell, e.g. the table {@code %%sql --out name}
 * binds. Public only because code compiled by JShell must be able to call it.
 */
public final class Handoff {
    private static Object value;

    private Handoff() {
    }

    static synchronized void put(Object v) {
        value = v;
    }

    /** Takes the object handed over (once). */
    public static synchronized Object take() {
        Object v = value;
        value = null;
        return v;
    }
}
