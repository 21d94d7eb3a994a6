package org.sendscope.ingest.actions;

/**
 * Something a parser could not take as written: a refused cell, or (reason starting {@code warning:})
 * a value it loaded after interpreting it. Each becomes a {@code load_rejects} row.
 */
public record ParseNote(Long line, String field, String raw, String reason) {

    /** True for a value loaded after interpretation, false for a value refused. */
    public boolean isWarning() {
        return reason.startsWith("warning:");
    }
}
