package org.sendscope.warehouse;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.sendscope.report.Messages;

/**
 * One user query under a time limit: a watchdog cancels the statement ({@link Statement#cancel()},
 * which interrupts DuckDB) when the limit passes, whether DuckDB is still planning, running or
 * handing over rows, and the error that follows is reported as the limit in one line. Close it to
 * stop the watchdog and release the statement.
 */
public final class TimedQuery implements AutoCloseable {
    private static final ScheduledExecutorService WATCHDOG = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "sendscope-query-time-limit");
        t.setDaemon(true);
        return t;
    });

    private final Statement statement;
    private final long timeoutSeconds;
    private final String hint;
    private final AtomicBoolean timedOut = new AtomicBoolean();
    private final ScheduledFuture<?> watchdog;
    private ResultSet resultSet;

    private TimedQuery(Statement statement, long timeoutSeconds, String hint) {
        this.statement = statement;
        this.timeoutSeconds = timeoutSeconds;
        this.hint = hint;
        this.watchdog = timeoutSeconds == 0 ? null : WATCHDOG.schedule(this::stop, timeoutSeconds, TimeUnit.SECONDS);
    }

    /**
     * Starts {@code sql} (already checked by {@link ReadOnlyQuery}) on {@code c}.
     *
     * @param hint how the user allows more time, e.g. "--timeout SECONDS"
     * @throws WarehouseException in one line when it fails or runs out of time
     */
    public static TimedQuery start(Connection c, String sql, long timeoutSeconds, String hint) {
        return start(c, sql, java.util.List.of(), timeoutSeconds, hint, null);
    }

    /**
     * Starts {@code sql} with its {@code ?} parameters bound in order (a notebook's {@code :name}
     * parameters), telling {@code started} the query before it runs, so another thread can
     * {@link #cancel()} it.
     */
    public static TimedQuery start(Connection c, String sql, java.util.List<?> parameters, long timeoutSeconds, String hint,
            java.util.function.Consumer<TimedQuery> started) {
        TimedQuery q;
        try {
            q = new TimedQuery(parameters.isEmpty() ? c.createStatement() : c.prepareStatement(sql), timeoutSeconds, hint);
        } catch (SQLException e) {
            throw new WarehouseException(firstLine(e.getMessage()), e);
        }
        try {
            if (started != null) started.accept(q);
            // DuckDB's plain statement is a PreparedStatement too: ask what was made, not what it is.
            if (!parameters.isEmpty() && q.statement instanceof java.sql.PreparedStatement ps) {
                for (int i = 0; i < parameters.size(); i++) ps.setObject(i + 1, parameters.get(i));
                q.resultSet = ps.executeQuery();
            } else {
                q.resultSet = q.statement.executeQuery(sql);
            }
            return q;
        } catch (SQLException e) {
            WarehouseException why = q.failure(e);
            q.close();
            throw why;
        }
    }

    /** Stops the query from another thread (the reader pressed Interrupt); its error follows in the running thread. */
    public void cancel() {
        try {
            statement.cancel();
        } catch (SQLException | RuntimeException ignored) {
            // finished or closed in the meantime: nothing left to stop
        }
    }

    /** The rows; read them inside the time limit. */
    public ResultSet resultSet() {
        return resultSet;
    }

    /** Whether the watchdog stopped the query. */
    public boolean timedOut() {
        return timedOut.get();
    }

    /** The one-line report of an error met while running or reading: the time limit, or DuckDB's first line. */
    public WarehouseException failure(SQLException e) {
        if (timedOut.get()) {
            return new WarehouseException("stopped: the query ran longer than the time limit of " + timeoutSeconds
                    + " s (" + hint + " allows longer, 0 for no limit)", e);
        }
        return new WarehouseException(firstLine(e.getMessage()), e);
    }

    private void stop() {
        timedOut.set(true);
        try {
            statement.cancel();
        } catch (SQLException | RuntimeException ignored) {
            // the statement finished or closed in the meantime: nothing left to stop
        }
    }

    @Override
    public void close() {
        if (watchdog != null) watchdog.cancel(false);
        try {
            if (resultSet != null) resultSet.close();
            statement.close();
        } catch (SQLException ignored) {
            // closing after a cancelled or failed query: the error the user sees is the query's
        }
    }

    /** The first line of a driver message (DuckDB adds context lines). */
    public static String firstLine(String message) {
        return Messages.firstLine(message, "query failed");
    }
}
