package org.sendscope.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.sendscope.analysis.ScrutinyQuestion;
import org.sendscope.report.ResultPrinter;
import org.sendscope.report.TableFormat;
import org.sendscope.warehouse.PublicViews;
import org.sendscope.warehouse.QueryLimits;
import org.sendscope.warehouse.ReadOnlyQuery;
import org.sendscope.warehouse.SqlTokens;
import org.sendscope.warehouse.Warehouse;
import org.sendscope.warehouse.WarehouseException;

/**
 * The interactive SQL console of {@code sendscope sql} (no query given): reads statements line by
 * line, a statement may span lines and ends with {@code ;}; each goes through {@link ReadOnlyQuery}
 * to the read-only connection, under the time and row limits of {@link QueryLimits}. Dot commands:
 * {@code .tables}, {@code .schema NAME}, {@code .ask}, {@code .ask NAME AREA [DATE]},
 * {@code .format table|csv|json}, {@code .timeout SECONDS}, {@code .maxrows N}, {@code .history},
 * {@code !N} (run history entry N again), {@code .help}, {@code .quit}. A mistake prints one line
 * and the console carries on. Plain line reading (no line editing) keeps it working when stdin is
 * a pipe or a file.
 */
public final class SqlConsole {
    private static final String MORE_ROWS = ".maxrows N shows more; .format csv or .format json writes every row";

    private static final String HELP = """
            Statements end with ';' and may span lines. Read-only: SELECT, WITH, DESCRIBE, SHOW, SUMMARIZE.
              .tables              the public views
              .schema NAME         the columns of a view
              .ask                 the scrutiny questions
              .ask NAME AREA [DATE] answer one (AREA a GSS code or LA number, DATE YYYY-MM-DD)
              .format table|csv|json
              .timeout SECONDS     stop a query after this long (0: no limit)
              .maxrows N           rows shown in a table (CSV and JSON write every row)
              .history             statements so far; !N runs number N again
              .quit                leave (or end of input)""";

    private final Warehouse warehouse;
    private final BufferedReader in;
    private final PrintWriter out;
    private final boolean interactive;
    private final List<String> history = new ArrayList<>();
    private TableFormat format;
    private QueryLimits limits;

    public SqlConsole(Warehouse warehouse, BufferedReader in, PrintWriter out, TableFormat format, boolean interactive) {
        this(warehouse, in, out, format, interactive, QueryLimits.defaults());
    }

    public SqlConsole(Warehouse warehouse, BufferedReader in, PrintWriter out, TableFormat format, boolean interactive,
                      QueryLimits limits) {
        this.warehouse = warehouse;
        this.limits = limits;
        this.in = in;
        this.out = out;
        this.format = format;
        this.interactive = interactive;
    }

    /** Runs until {@code .quit} or the end of input. */
    public void run() throws IOException {
        if (interactive) out.println("sendscope SQL console (read-only). .help for commands, .quit to leave.");
        StringBuilder statement = new StringBuilder();
        while (true) {
            prompt(statement.length() == 0 ? "sendscope> " : "       ...> ");
            String line = in.readLine();
            if (line == null) break;
            String trimmed = line.strip();
            if (statement.length() == 0) {
                if (trimmed.isEmpty()) continue;
                if (trimmed.startsWith(".") || trimmed.startsWith("!")) {
                    if (!command(trimmed)) break;
                    continue;
                }
            }
            statement.append(line).append('\n');
            if (endsStatement(statement)) {
                String sql = statement.toString().strip();
                statement.setLength(0);
                history.add(sql);
                execute(sql);
            }
        }
        if (statement.length() > 0) {
            out.println("error: statement not ended with ';' at end of input: " + oneLine(statement.toString()));
        }
        out.flush();
    }

    private void prompt(String p) {
        if (interactive) {
            out.print(p);
            out.flush();
        }
    }

    /** True when the text ends with ';' outside strings, quoted names and comments. */
    static boolean endsStatement(CharSequence text) {
        String t = text.toString();
        if (SqlTokens.endsInside(t)) return false;
        List<SqlTokens.Token> tokens = SqlTokens.of(t);
        return !tokens.isEmpty() && tokens.get(tokens.size() - 1).kind() == SqlTokens.Kind.SEMICOLON;
    }

    private void execute(String sql) {
        try {
            SqlCommand.run(warehouse, ReadOnlyQuery.check(sql), limits, format, out, MORE_ROWS, ".timeout SECONDS");
        } catch (WarehouseException | UserException e) {
            out.println("error: " + e.getMessage());
        }
        out.flush();
    }

    /** Runs a dot command; false to leave the console. */
    private boolean command(String line) {
        String[] w = line.split("\\s+");
        try {
            switch (w[0]) {
                case ".quit", ".exit", ".q" -> {
                    return false;
                }
                case ".help" -> out.println(HELP);
                case ".tables" -> {
                    for (String v : PublicViews.names(warehouse)) out.println(v);
                }
                case ".schema" -> schema(w);
                case ".ask" -> ask(w);
                case ".format" -> {
                    if (w.length != 2) throw new UserException(".format table|csv|json");
                    try {
                        format = TableFormat.valueOf(w[1]);
                    } catch (IllegalArgumentException e) {
                        throw new UserException("unknown format '" + w[1] + "' (table, csv or json)");
                    }
                }
                case ".timeout" -> limits = limits.withTimeout(number(w, ".timeout SECONDS"));
                case ".maxrows" -> limits = limits.withMaxRows(number(w, ".maxrows N"));
                case ".history" -> {
                    for (int i = 0; i < history.size(); i++) out.println((i + 1) + "  " + oneLine(history.get(i)));
                }
                default -> {
                    if (w[0].matches("!\\d+")) {
                        int n = Integer.parseInt(w[0].substring(1));
                        if (n < 1 || n > history.size()) throw new UserException("no history entry " + n);
                        String sql = history.get(n - 1);
                        out.println(oneLine(sql));
                        history.add(sql);
                        execute(sql);
                    } else {
                        throw new UserException("unknown command " + w[0] + " (.help lists them)");
                    }
                }
            }
        } catch (UserException | WarehouseException e) {
            out.println("error: " + e.getMessage());
        } catch (SQLException e) {
            out.println("error: " + SqlCommand.firstLine(e.getMessage()));
        }
        out.flush();
        return true;
    }

    private static long number(String[] w, String usage) {
        if (w.length != 2 || !w[1].matches("\\d{1,12}")) throw new UserException(usage);
        return Long.parseLong(w[1]);
    }

    private void schema(String[] w) throws SQLException {
        if (w.length != 2) throw new UserException(".schema NAME (one of .tables)");
        List<String> views = PublicViews.names(warehouse);
        if (!views.contains(w[1])) throw new UserException("no public view '" + w[1] + "' (.tables lists them)");
        // The name is one of the listed views, so it is safe to put in the statement.
        try (Statement s = warehouse.connection().createStatement();
             ResultSet rs = s.executeQuery("SELECT column_name, column_type FROM (DESCRIBE \"" + w[1] + "\")")) {
            ResultPrinter.print(rs, format, out);
        }
    }

    private void ask(String[] w) throws SQLException {
        if (w.length == 1) {
            AskCommand.list(out);
            return;
        }
        if (w.length < 3) throw new UserException(".ask NAME AREA [YYYY-MM-DD]");
        AskCommand.answer(warehouse, ScrutinyQuestion.named(w[1]), w[2], w.length > 3 ? w[3] : null, format, out);
    }

    private static String oneLine(String s) {
        return s.strip().replaceAll("\\s+", " ");
    }
}
