package org.sendscope.warehouse;

/**
 * A problem with the warehouse itself: it cannot be opened, migrated or queried. Most are the
 * user's to fix (a missing or foreign file, a refused statement); one made with {@link #internal}
 * is a query sendscope wrote itself that failed, which is a bug (exit code 2, not 1).
 */
public class WarehouseException extends RuntimeException {
    private final boolean bug;

    public WarehouseException(String message) {
        super(message);
        this.bug = false;
    }

    public WarehouseException(String message, Throwable cause) {
        this(message, cause, false);
    }

    private WarehouseException(String message, Throwable cause, boolean bug) {
        super(message, cause);
        this.bug = bug;
    }

    /** A failure of SQL that sendscope itself wrote (a view, a named question, a store): a bug. */
    public static WarehouseException internal(String message, Throwable cause) {
        return new WarehouseException(message, cause, true);
    }

    /** Whether this is a bug rather than a mistake the user can fix. */
    public boolean isBug() {
        return bug;
    }
}
