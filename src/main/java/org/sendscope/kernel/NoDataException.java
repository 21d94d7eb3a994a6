package org.sendscope.kernel;

import org.sendscope.warehouse.WarehouseException;

/**
 * A notebook asked for data the warehouse does not hold yet. The message says what to load, so a
 * notebook run on an empty warehouse fails with that sentence and not with an empty chart or a
 * stack trace.
 */
public final class NoDataException extends WarehouseException {
    public NoDataException(String message) {
        super(message, null);
    }
}
