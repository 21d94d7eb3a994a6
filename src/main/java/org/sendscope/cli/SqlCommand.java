package org.sendscope.cli;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import org.sendscope.report.ResultPrinter;
import org.sendscope.report.TableFormat;
import org.sendscope.warehouse.QueryLimits;
import org.sendscope.warehouse.ReadOnlyQuery;
import org.sendscope.warehouse.TimedQuery;
import org.sendscope.warehouse.Warehouse;
import org.sendscope.warehouse.WarehouseException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code sendscope sql "QUERY"}: one query on a read-only connection to the warehouse;
 * {@code sendscope sql} alone opens the interactive console ({@link SqlConsole}) on standard input.
 */
@Command(name = "sql", mixinStandardHelpOptions = true,
        description = {"Run a read-only SQL query on the warehouse's views (areas, measures, observations, …).",
                "Without QUERY: an interactive console reading standard input (.help inside it).",
                "Each query is stopped after --timeout seconds; table output shows at most --max-rows rows."})
public final class SqlCommand extends TableCommand {
    @Parameters(index = "0", arity = "0..1", paramLabel = "QUERY", description = "The query (SELECT …).")
    String query;

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "" + QueryLimits.DEFAULT_TIMEOUT_SECONDS,
            description = "Stop a query that runs longer than this (default: ${DEFAULT-VALUE}; 0 for no limit).")
    long timeout;

    @Option(names = "--max-rows", paramLabel = "N", defaultValue = "" + QueryLimits.DEFAULT_MAX_ROWS,
            description = "Rows shown in table output (default: ${DEFAULT-VALUE}); CSV and JSON write every row.")
    long maxRows;

    /** Said under a table cut at the row limit. */
    static final String MORE_ROWS = "--max-rows N shows more; --format csv or --format json writes every row";

    @Override
    public Integer call() throws SQLException, IOException {
        QueryLimits limits = limits();
        if (query == null) {
            try (Warehouse w = Warehouse.openReadOnly(options.file(), true)) {
                BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
                new SqlConsole(w, in, out(), format.format, System.console() != null, limits).run();
            }
            return 0;
        }
        String checked = ReadOnlyQuery.check(query);
        PrintWriter out = out();
        try (Warehouse w = Warehouse.openReadOnly(options.file(), true)) {
            run(w, checked, limits, format.format, out, MORE_ROWS, "--timeout SECONDS");
        }
        return 0;
    }

    private QueryLimits limits() {
        try {
            return QueryLimits.defaults().withTimeout(timeout).withMaxRows(maxRows);
        } catch (WarehouseException e) {
            throw new UserException(e.getMessage());
        }
    }

    /** Runs a checked query under the limits and prints it; a failure or the time limit is one line. */
    static void run(Warehouse w, String checked, QueryLimits limits, TableFormat format, PrintWriter out,
                    String howToGetMore, String howToAllowLonger) {
        // buffered: the command line's writer flushes on every line, which would cost a write per row
        PrintWriter buffered = new PrintWriter(new BufferedWriter(out, 1 << 16), false);
        try (TimedQuery q = TimedQuery.start(w.connection(), checked, limits.timeoutSeconds(), howToAllowLonger)) {
            try {
                ResultPrinter.print(q.resultSet(), format, buffered, limits.maxRows(), howToGetMore, q::timedOut);
            } catch (SQLException e) {
                throw q.failure(e);
            } finally {
                buffered.flush();
            }
        }
    }

    static String firstLine(String message) {
        return TimedQuery.firstLine(message);
    }
}
