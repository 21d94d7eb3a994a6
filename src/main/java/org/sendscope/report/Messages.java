package org.sendscope.report;

/** How an error's message is shown to a user: its first line only (DuckDB adds context lines below). */
public final class Messages {
    private Messages() {
    }

    /** The first line of {@code message}, without surrounding spaces; {@code ifNone} for no message. */
    public static String firstLine(String message, String ifNone) {
        if (message == null) return ifNone;
        String m = message.strip();
        int nl = m.indexOf('\n');
        return nl < 0 ? m : m.substring(0, nl);
    }
}
