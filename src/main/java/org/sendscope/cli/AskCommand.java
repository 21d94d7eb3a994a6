package org.sendscope.cli;

import java.io.PrintWriter;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import org.sendscope.analysis.ScrutinyQuestion;
import org.sendscope.report.ResultPrinter;
import org.sendscope.report.TableFormat;
import org.sendscope.warehouse.Warehouse;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code sendscope ask}: lists the named scrutiny questions of {@code sql/queries/};
 * {@code sendscope ask NAME --area CODE [--as-of DATE]} answers one in words and a small table, and
 * names the source file, vintage and load of every figure.
 */
@Command(name = "ask", mixinStandardHelpOptions = true,
        description = {"Answer a named scrutiny question from the warehouse (no NAME: list the questions).",
                "Every figure is shown with its source, vintage and load."})
public final class AskCommand implements Callable<Integer> {
    @Mixin
    WarehouseOptions options;
    @Mixin
    FormatOption format;
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", paramLabel = "NAME", description = "The question (see the list).")
    String name;

    @Option(names = "--area", paramLabel = "CODE", description = "The LA: GSS code (E06000058) or LA number (839).")
    String area;

    @Option(names = "--as-of", paramLabel = "DATE", description = "Figures up to this date, YYYY-MM-DD (default: today).")
    String asOf;

    @Override
    public Integer call() throws SQLException {
        PrintWriter out = spec.commandLine().getOut();
        if (name == null) {
            list(out);
            return 0;
        }
        ScrutinyQuestion q = ScrutinyQuestion.named(name);
        if (area == null) throw new UserException("give the LA: sendscope ask " + name + " --area E06000058");
        try (Warehouse w = options.openReadOnly()) {
            answer(w, q, area, asOf, format.format, out);
        }
        return 0;
    }

    /** Prints each question's name and its one-line question. */
    static void list(PrintWriter out) {
        List<ScrutinyQuestion> all = ScrutinyQuestion.all();
        int width = all.stream().mapToInt(q -> q.name().length()).max().orElse(0);
        for (ScrutinyQuestion q : all) {
            out.println(q.name() + " ".repeat(width - q.name().length()) + "  " + q.question());
        }
        out.println("(sendscope ask NAME --area CODE [--as-of YYYY-MM-DD])");
        out.flush();
    }

    /** Answers {@code q} for an area: the question, the answer in words, the table, the sources. */
    static void answer(Warehouse w, ScrutinyQuestion q, String areaArg, String asOfArg, TableFormat format,
                       PrintWriter out) throws SQLException {
        String asOfDate = asOfArg == null ? LocalDate.now().toString() : asOfArg;
        try {
            LocalDate.parse(asOfDate);
        } catch (DateTimeParseException e) {
            throw new UserException("--as-of must be a date like 2023-12-31, not '" + asOfArg + "'");
        }
        String[] areaName = resolveArea(w, areaArg);
        Map<String, String> params = Map.of("area", areaName[0], "as_of", asOfDate);
        List<Map<String, Object>> rows = new ArrayList<>();
        List<String> columns = new ArrayList<>();
        java.util.Set<String> fractional = new java.util.HashSet<>();
        if (format == TableFormat.table) {
            out.println(q.question());
            out.println("Area: " + areaName[1] + " (" + areaName[0] + "), figures up to " + asOfDate);
            out.println();
        }
        try (PreparedStatement p = q.prepare(w.connection(), params)) {
            try (ResultSet rs = p.executeQuery()) {
                ResultSetMetaData md = rs.getMetaData();
                for (int i = 1; i <= md.getColumnCount(); i++) {
                    columns.add(md.getColumnLabel(i));
                    int t = md.getColumnType(i);
                    if (t == java.sql.Types.DOUBLE || t == java.sql.Types.FLOAT || t == java.sql.Types.REAL
                            || t == java.sql.Types.DECIMAL || t == java.sql.Types.NUMERIC) fractional.add(md.getColumnLabel(i));
                }
                while (rs.next()) {
                    Map<String, Object> row = new LinkedHashMap<>();
                    for (int i = 1; i <= md.getColumnCount(); i++) row.put(md.getColumnLabel(i), rs.getObject(i));
                    rows.add(row);
                }
            }
            if (format != TableFormat.table) {
                table(w, q, params, columns, fractional, format, out);
                return;
            }
            if (rows.isEmpty()) {
                out.println("The warehouse holds no figures that answer this for " + areaName[1]
                        + " up to " + asOfDate + " (sendscope status lists what is loaded).");
                out.flush();
                return;
            }
            for (Map<String, Object> row : rows) {
                String sentence = q.answer(row);
                if (sentence != null) out.println("- " + sentence);
            }
            out.println();
            table(w, q, params, columns, fractional, format, out);
        } catch (SQLException e) {
            throw new UserException(q.name() + ": " + SqlCommand.firstLine(e.getMessage()));
        }
        sources(w, rows, out);
        out.flush();
    }

    private static void table(Warehouse w, ScrutinyQuestion q, Map<String, String> params, List<String> columns,
                              java.util.Set<String> fractional, TableFormat format, PrintWriter out) throws SQLException {
        try (PreparedStatement t = q.prepareTable(w.connection(), params, columns, fractional);
             ResultSet rs = t.executeQuery()) {
            ResultPrinter.print(rs, format, out);
        }
    }

    private static String[] resolveArea(Warehouse w, String arg) throws SQLException {
        String sql = arg.matches("\\d{3}") ? "SELECT area_code, name FROM areas WHERE la_number = CAST(? AS INTEGER)"
                : "SELECT area_code, name FROM areas WHERE area_code = upper(?)";
        try (PreparedStatement p = w.connection().prepareStatement(sql)) {
            p.setString(1, arg.strip());
            try (ResultSet rs = p.executeQuery()) {
                if (!rs.next()) throw new UserException("no area '" + arg + "' in the warehouse (GSS code or LA number)");
                return new String[] {rs.getString(1), rs.getString(2)};
            }
        }
    }

    /** Names the file, vintage and time of every load a figure in the answer came from. */
    private static void sources(Warehouse w, List<Map<String, Object>> rows, PrintWriter out) throws SQLException {
        TreeSet<Long> ids = new TreeSet<>();
        for (Map<String, Object> r : rows) {
            for (Map.Entry<String, Object> e : r.entrySet()) {
                if (e.getKey().endsWith("load_id") && e.getValue() instanceof Number n) ids.add(n.longValue());
            }
        }
        if (ids.isEmpty()) return;
        out.println("Sources:");
        try (PreparedStatement p = w.connection().prepareStatement(
                "SELECT source, file_name, vintage, finished_at, left(sha256, 12) FROM loads WHERE load_id = ?")) {
            for (long id : ids) {
                p.setLong(1, id);
                try (ResultSet rs = p.executeQuery()) {
                    if (rs.next()) {
                        out.println("  load " + id + ": " + rs.getString(1) + " " + rs.getString(2) + ", vintage "
                                + rs.getString(3) + ", loaded " + rs.getString(4) + ", sha256 " + rs.getString(5) + "…");
                    }
                }
            }
        }
    }
}
