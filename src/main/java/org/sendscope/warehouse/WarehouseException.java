package org.sendscope.warehouse;

/** A problem with the warehouse itself: it cannot be opened, migrated or queried. */
public class WarehouseException extends RuntimeException {
    public WarehouseException(String message) {
        super(message);
    }

    public WarehouseException(String message, Throwable cause) {
        super(message, cause);
    }
}
