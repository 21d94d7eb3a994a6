package org.sendscope.ingest;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Runs DuckDB on one thread while a load reads and writes, and puts the previous thread count back
 * afterwards. On files of the DfE releases' size two threads give little to the reads and cost the
 * writes: each thread appends its own part-filled row groups, which the commit or the next
 * checkpoint then has to merge (the 2022 SEN2 release: checkpoint 140 ms on two threads, 10 ms on
 * one). See docs/decisions/0070-load-speed.md.
 *
 * <pre>{@code
 * try (LoadThreads t = LoadThreads.one(connection)) {
 *     ... stage, check, insert ...
 * }
 * }</pre>
 */
public final class LoadThreads implements AutoCloseable {
    private final Connection connection;
    private final long before;

    private LoadThreads(Connection connection, long before) {
        this.connection = connection;
        this.before = before;
    }

    /** Sets DuckDB's thread count to one until {@link #close()}. */
    public static LoadThreads one(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT current_setting('threads')")) {
            rs.next();
            long before = rs.getLong(1);
            if (before != 1) s.execute("SET threads = 1");
            return new LoadThreads(c, before);
        }
    }

    /** Puts the thread count back as it was. */
    @Override
    public void close() throws SQLException {
        if (before == 1 || connection.isClosed()) return;
        try (Statement s = connection.createStatement()) {
            s.execute("SET threads = " + before);
        }
    }
}
