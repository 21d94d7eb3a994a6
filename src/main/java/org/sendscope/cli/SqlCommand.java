package org.sendscope.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.Callable;
import org.sendscope.report.Messages;
import org.sendscope.report.ResultPrinter;
import org.sendscope.warehouse.ReadOnlyQuery;
import org.sendscope.warehouse.Warehouse;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code sendscope sql "QUERY"}: one query on a read-only connection to the warehouse;
 * {@code sendscope sql} alone opens the interactive console ({@link SqlConsole}) on standard input.
 */
@Command(name = "sql", mixinStandardHelpOptions = true,
        description = {"Run a read-only SQL query on the warehouse's views (areas, measures, observations, …).",
                "Without QUERY: an interactive console reading standard input (.help inside it)."})
public final class SqlCommand implements Callable<Integer> {
    @Mixin
    WarehouseOptions options;
    @Mixin
    FormatOption format;
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", paramLabel = "QUERY", description = "The query (SELECT …).")
    String query;

    @Override
    public Integer call() throws SQLException, IOException {
        if (query == null) {
            try (Warehouse w = options.openReadOnly()) {
                BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
                new SqlConsole(w, in, spec.commandLine().getOut(), format.format, System.console() != null).run();
            }
            return 0;
        }
        String checked = ReadOnlyQuery.check(query);
        PrintWriter out = spec.commandLine().getOut();
        try (Warehouse w = options.openReadOnly(); Statement s = w.connection().createStatement()) {
            ResultSet rs;
            try {
                rs = s.executeQuery(checked);
            } catch (SQLException e) {
                throw new UserException(firstLine(e.getMessage()));
            }
            ResultPrinter.print(rs, format.format, out);
        }
        return 0;
    }

    static String firstLine(String message) {
        return Messages.firstLine(message, "query failed");
    }
}
