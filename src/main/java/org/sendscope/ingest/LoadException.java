package org.sendscope.ingest;

/**
 * A source file that cannot be loaded. The message names the file, and where known the line,
 * the column and the raw text, so that a person can open the file and see the problem.
 * Nothing of the file has been written to the warehouse when this is thrown.
 */
public class LoadException extends RuntimeException {
    private final String file;
    private final Long line;
    private final String column;
    private final String raw;

    public LoadException(String file, Long line, String column, String raw, String reason) {
        super(format(file, line, column, raw, reason));
        this.file = file;
        this.line = line;
        this.column = column;
        this.raw = raw;
    }

    public LoadException(String file, String reason) {
        this(file, null, null, null, reason);
    }

    public LoadException(String file, String reason, Throwable cause) {
        super(format(file, null, null, null, reason), cause);
        this.file = file;
        this.line = null;
        this.column = null;
        this.raw = null;
    }

    private static String format(String file, Long line, String column, String raw, String reason) {
        StringBuilder b = new StringBuilder(file);
        if (line != null) b.append(", line ").append(line);
        if (column != null) b.append(", column '").append(column).append('\'');
        if (raw != null) b.append(", value '").append(shown(raw)).append('\'');
        return b.append(": ").append(reason).toString();
    }

    /** A raw value as a message shows it: a few lines' worth, not a megabyte line. */
    static String shown(String raw) {
        int max = 200;
        return raw.length() <= max ? raw : raw.substring(0, max) + "… (" + raw.length() + " characters)";
    }

    public String file() {
        return file;
    }

    public Long line() {
        return line;
    }

    public String column() {
        return column;
    }

    public String raw() {
        return raw;
    }
}
