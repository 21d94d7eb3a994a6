package org.sendscope.kernel;

import java.util.List;

/**
 * A cell that did not run to the end: a compile error, an exception, or an interrupt, described
 * with the cell's own line numbers (not JShell's snippet numbers). The kernel reports it as the
 * cell's error, which makes {@code jupyter nbconvert --execute} fail.
 */
public final class CellError extends RuntimeException {
    private final String kind;
    private final List<String> details;

    /**
     * @param kind    short name shown as the error's name, e.g. {@code CompileError} or the exception class
     * @param message one line, e.g. {@code line 2: cannot find symbol}
     * @param details further lines (the offending source line, a filtered stack trace)
     */
    public CellError(String kind, String message, List<String> details) {
        super(message);
        this.kind = kind;
        this.details = List.copyOf(details);
    }

    public String kind() {
        return kind;
    }

    public List<String> details() {
        return details;
    }

    /** Every line a person needs: the message and then the details. */
    public List<String> lines() {
        var all = new java.util.ArrayList<String>();
        all.add(kind + ": " + getMessage());
        all.addAll(details);
        return all;
    }

    @Override
    public String toString() {
        return String.join("\n", lines());
    }
}
