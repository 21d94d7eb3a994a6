package org.sendscope.warehouse;

import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The warehouse cannot be changed now because another process is changing it. The one home of the
 * sentence the user sees: which PID holds it, what kind of process that is likely to be, and what to
 * do; never DuckDB's own text, which talks about options sendscope does not have.
 */
public final class WarehouseInUseException extends WarehouseException {
    private static final Pattern DUCKDB_LOCK = Pattern.compile("Could not set lock on file[^\\n]*?\\(PID (\\d+)\\)");

    private final Long pid;

    private WarehouseInUseException(String message, Long pid, Throwable cause) {
        super(message, cause);
        this.pid = pid;
    }

    /** The PID of the process that holds the warehouse, when it is known. */
    public Long pid() {
        return pid;
    }

    /** Another sendscope command holds the writer lock (it is loading, forecasting or running the demo). */
    static WarehouseInUseException writerBusy(Path file, Long pid, Duration waited) {
        String who = pid == null ? "another process" : "PID " + pid;
        if (pid != null && pid == ProcessHandle.current().pid()) who += " (this process)";
        String after = waited.isZero() ? "" : " after waiting " + seconds(waited);
        return new WarehouseInUseException("the warehouse " + file + " is in use by " + who
                + " (another sendscope command is changing it: a load, the demo or a forecast)" + after
                + "; questions (sql, ask, notebooks) still work meanwhile. Wait for it to finish, or add "
                + "--wait SECONDS to wait for it", pid, null);
    }

    /**
     * DuckDB's refusal to open a file that another program has open read-write (an older sendscope
     * build, a DuckDB shell), said in sendscope's words; {@code null} when {@code e} is something else.
     */
    static WarehouseInUseException fromDuckDb(Path file, SQLException e) {
        String m = e.getMessage();
        if (m == null || !m.contains("Could not set lock on file")) return null;
        Matcher pidMatch = DUCKDB_LOCK.matcher(m);
        Long pid = pidMatch.find() ? Long.valueOf(pidMatch.group(1)) : null;
        return new WarehouseInUseException("the warehouse " + file + " is in use by "
                + (pid == null ? "another process" : "PID " + pid) + " (a notebook kernel or another sendscope "
                + "command of an older build, or another program that opened the file read-write); close it there "
                + "and try again", pid, e);
    }

    private static String seconds(Duration d) {
        long s = d.toSeconds();
        return s == 1 ? "1 second" : s + " seconds";
    }
}
