package org.sendscope.kernel;

import org.sendscope.warehouse.WarehouseException;

/** A notebook query stopped by the reader (Interrupt): said in a sentence, without a stack trace. */
public final class QueryCancelledException extends WarehouseException {
    public QueryCancelledException(String message) {
        super(message);
    }
}
