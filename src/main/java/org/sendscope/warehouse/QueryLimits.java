package org.sendscope.warehouse;

import java.lang.management.ManagementFactory;
import java.util.Properties;

/**
 * How far one user query may go on a read-only connection: a statement time limit (seconds, 0 for
 * none), a row limit for table output (CSV and JSON stream every row), and the DuckDB memory limit
 * every read-only connection is opened with. The one home of these numbers
 * (docs/decisions/0101-bounded-console.md).
 *
 * @param timeoutSeconds seconds a statement may run, fetching included; 0 for no limit
 * @param maxRows rows shown in table output before the rest is cut with a note
 */
public record QueryLimits(long timeoutSeconds, long maxRows) {
    /** A statement runs for at most this many seconds unless the user asks for more. */
    public static final long DEFAULT_TIMEOUT_SECONDS = 60;
    /** Table output shows at most this many rows unless the user asks for more. */
    public static final long DEFAULT_MAX_ROWS = 10_000;

    public QueryLimits {
        if (timeoutSeconds < 0) throw new WarehouseException("the time limit must be 0 (none) or more seconds, not " + timeoutSeconds);
        if (maxRows < 1) throw new WarehouseException("the row limit must be at least 1, not " + maxRows);
    }

    /** 60 seconds, 10,000 rows. */
    public static QueryLimits defaults() {
        return new QueryLimits(DEFAULT_TIMEOUT_SECONDS, DEFAULT_MAX_ROWS);
    }

    public QueryLimits withTimeout(long seconds) {
        return new QueryLimits(seconds, maxRows);
    }

    public QueryLimits withMaxRows(long rows) {
        return new QueryLimits(timeoutSeconds, rows);
    }

    /**
     * DuckDB's {@code memory_limit} for read-only connections: a quarter of the machine's memory, so
     * one query cannot take the memory a load or a notebook beside it needs.
     */
    public static String memoryLimit() {
        long total = 8L << 30;
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            total = os.getTotalMemorySize();
        }
        return Math.max(256, (total / 4) >> 20) + "MB";
    }

    /**
     * The connection settings a read-only warehouse is opened with: read-only, no files or
     * extensions, the memory limit — and the configuration locked last, so a query cannot undo them.
     */
    public static Properties readOnlyConnection(boolean streamResults) {
        Properties p = new Properties();
        p.setProperty("duckdb.read_only", "true");
        p.setProperty("enable_external_access", "false");
        p.setProperty("autoinstall_known_extensions", "false");
        p.setProperty("autoload_known_extensions", "false");
        p.setProperty("memory_limit", memoryLimit());
        // rows come to Java as the query makes them, so a large result is written out, not held
        if (streamResults) p.setProperty("jdbc_stream_results", "true");
        p.setProperty("lock_configuration", "true");
        return p;
    }
}
