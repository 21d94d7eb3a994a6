package org.sendscope.report;

import java.io.PrintWriter;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * Prints a query result as an aligned text table, CSV (safe to open in Excel: a cell that would
 * start a formula is neutralised with a leading apostrophe) or JSON lines.
 */
public final class ResultPrinter {
    private ResultPrinter() {
    }

    /** Prints every row of {@code rs}; returns the number of rows. */
    public static long print(ResultSet rs, TableFormat format, PrintWriter out) throws SQLException {
        return print(rs, format, out, Long.MAX_VALUE, null, () -> false);
    }

    /**
     * Prints {@code rs}: CSV and JSON row by row as they come (nothing is held), an aligned table of
     * at most {@code maxRows} rows (the widths need every row first) followed, when there are more,
     * by a line saying so and {@code howToGetMore}. Reading ends with an {@link SQLException} as soon
     * as {@code stopped} says so (a time limit: rows already in Java do not see DuckDB's interrupt).
     *
     * @return the number of rows printed
     */
    public static long print(ResultSet rs, TableFormat format, PrintWriter out, long maxRows, String howToGetMore,
                             BooleanSupplier stopped) throws SQLException {
        Rows rows = new Rows(rs, stopped);
        ResultSetMetaData md = rs.getMetaData();
        int n = md.getColumnCount();
        List<String> names = new ArrayList<>();
        for (int i = 1; i <= n; i++) names.add(md.getColumnLabel(i));
        long count = switch (format) {
            case csv -> streamCsv(rows, names, out);
            case json -> streamJson(rows, names, numericColumns(md), out);
            default -> {
                List<String[]> shown = new ArrayList<>();
                boolean more = false;
                while (rows.next()) {
                    if (shown.size() >= maxRows) {
                        more = true;
                        break;
                    }
                    shown.add(row(rs, n));
                }
                printTable(names, shown, out);
                if (more) {
                    out.println(String.format("(the first %,d rows are shown; the query has more. %s)", shown.size(),
                            howToGetMore == null ? "" : howToGetMore));
                }
                yield shown.size();
            }
        };
        out.flush();
        return count;
    }

    private static String[] row(ResultSet rs, int n) throws SQLException {
        String[] row = new String[n];
        for (int i = 1; i <= n; i++) {
            Object o = rs.getObject(i);
            row[i - 1] = o == null ? null : render(o);
        }
        return row;
    }

    /** The rows of a result, stopping when told to. */
    private record Rows(ResultSet rs, BooleanSupplier stopped) {
        boolean next() throws SQLException {
            if (stopped.getAsBoolean()) throw new SQLException("stopped");
            return rs.next();
        }
    }

    private static long streamCsv(Rows rows, List<String> names, PrintWriter out) throws SQLException {
        out.println(String.join(",", names.stream().map(ResultPrinter::csvCell).toList()));
        long count = 0;
        while (rows.next()) {
            out.println(csvLine(row(rows.rs(), names.size())));
            if (++count % 10_000 == 0) out.flush();
        }
        return count;
    }

    private static long streamJson(Rows rows, List<String> names, boolean[] numeric, PrintWriter out)
            throws SQLException {
        out.println("[");
        long count = 0;
        String pending = null;
        while (rows.next()) {
            // each row is written when the next one is known, to end all but the last with a comma
            if (pending != null) out.println(pending + ",");
            pending = jsonObject(names, row(rows.rs(), names.size()), numeric);
            if (++count % 10_000 == 0) out.flush();
        }
        if (pending != null) out.println(pending);
        out.println("]");
        return count;
    }

    /** Prints rows computed in Java rather than queried: numbers as numbers, everything else as text. */
    public static long printRows(List<String> names, List<Object[]> values, TableFormat format, PrintWriter out) {
        List<String[]> rows = new ArrayList<>();
        boolean[] numeric = new boolean[names.size()];
        java.util.Arrays.fill(numeric, true);
        for (Object[] v : values) {
            String[] row = new String[names.size()];
            for (int i = 0; i < row.length; i++) {
                row[i] = v[i] == null ? null : render(v[i]);
                if (v[i] != null && !(v[i] instanceof Number)) numeric[i] = false;
            }
            rows.add(row);
        }
        switch (format) {
            case csv -> printCsv(names, rows, out);
            case json -> printJson(names, rows, numeric, out);
            default -> printTable(names, rows, out);
        }
        out.flush();
        return rows.size();
    }

    /**
     * A value as text; numbers as plain decimals (259243459.17895, never 2.5924345917895E8), as a
     * spreadsheet or a reader expects, with no more digits than the double holds.
     */
    static String render(Object o) {
        if (o instanceof Double || o instanceof Float) {
            double d = ((Number) o).doubleValue();
            if (Double.isNaN(d) || Double.isInfinite(d)) return Double.toString(d);
            if (d == Math.rint(d) && Math.abs(d) < 1e15) return Long.toString((long) d);
            // Float.toString keeps a float's own shortest digits; widening to double first would add noise
            String shortest = o instanceof Float f ? Float.toString(f) : Double.toString(d);
            return new java.math.BigDecimal(shortest).stripTrailingZeros().toPlainString();
        }
        if (o instanceof java.math.BigDecimal b) return b.toPlainString();
        return o.toString();
    }

    private static void printTable(List<String> names, List<String[]> rows, PrintWriter out) {
        int[] w = new int[names.size()];
        for (int i = 0; i < w.length; i++) w[i] = names.get(i).length();
        for (String[] r : rows) for (int i = 0; i < w.length; i++) w[i] = Math.max(w[i], text(r[i]).length());
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < w.length; i++) line.append(i == 0 ? "" : "  ").append(pad(names.get(i), w[i]));
        out.println(line.toString().stripTrailing());
        line.setLength(0);
        for (int i = 0; i < w.length; i++) line.append(i == 0 ? "" : "  ").append("-".repeat(w[i]));
        out.println(line);
        for (String[] r : rows) {
            line.setLength(0);
            for (int i = 0; i < w.length; i++) line.append(i == 0 ? "" : "  ").append(pad(text(r[i]), w[i]));
            out.println(line.toString().stripTrailing());
        }
        out.println("(" + rows.size() + (rows.size() == 1 ? " row)" : " rows)"));
    }

    private static String text(String s) {
        return s == null ? "NULL" : s;
    }

    private static String pad(String s, int w) {
        return s + " ".repeat(Math.max(0, w - s.length()));
    }

    private static void printCsv(List<String> names, List<String[]> rows, PrintWriter out) {
        out.println(String.join(",", names.stream().map(ResultPrinter::csvCell).toList()));
        for (String[] r : rows) out.println(csvLine(r));
    }

    private static String csvLine(String[] r) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < r.length; i++) {
            if (i > 0) b.append(',');
            if (r[i] != null) b.append(csvCell(r[i]));
        }
        return b.toString();
    }

    /**
     * One CSV cell: quoted when needed, and with a leading apostrophe when a spreadsheet would read
     * it as a formula ({@code = + - @}, tab, carriage return) — unless it is a plain number.
     */
    public static String csvCell(String s) {
        String v = s;
        if (!v.isEmpty() && "=+-@\t\r".indexOf(v.charAt(0)) >= 0 && !isNumber(v)) v = "'" + v;
        if (v.contains(",") || v.contains("\"") || v.contains("\n") || v.contains("\r")) {
            v = '"' + v.replace("\"", "\"\"") + '"';
        }
        return v;
    }

    private static boolean isNumber(String s) {
        try {
            Double.parseDouble(s);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static boolean[] numericColumns(ResultSetMetaData md) throws SQLException {
        boolean[] numeric = new boolean[md.getColumnCount()];
        for (int i = 0; i < numeric.length; i++) {
            int t = md.getColumnType(i + 1);
            numeric[i] = t == java.sql.Types.INTEGER || t == java.sql.Types.BIGINT || t == java.sql.Types.DOUBLE
                    || t == java.sql.Types.FLOAT || t == java.sql.Types.DECIMAL || t == java.sql.Types.SMALLINT
                    || t == java.sql.Types.TINYINT || t == java.sql.Types.NUMERIC || t == java.sql.Types.REAL;
        }
        return numeric;
    }

    private static void printJson(List<String> names, List<String[]> rows, boolean[] numeric, PrintWriter out) {
        out.println("[");
        for (int r = 0; r < rows.size(); r++) {
            out.println(jsonObject(names, rows.get(r), numeric) + (r + 1 < rows.size() ? "," : ""));
        }
        out.println("]");
    }

    private static String jsonObject(List<String> names, String[] row, boolean[] numeric) {
        StringBuilder b = new StringBuilder("  {");
        for (int i = 0; i < row.length; i++) {
            if (i > 0) b.append(", ");
            b.append(jsonString(names.get(i))).append(": ");
            if (row[i] == null) b.append("null");
            else if (numeric[i] && !row[i].equals("NaN") && !row[i].contains("Infinity")) b.append(row[i]);
            else b.append(jsonString(row[i]));
        }
        return b.append('}').toString();
    }

    /** A JSON string literal, escaped (shared by every JSON writer in the project). */
    public static String jsonString(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                default -> {
                    if (c < 0x20) b.append(String.format("\\u%04x", (int) c));
                    else b.append(c);
                }
            }
        }
        return b.append('"').toString();
    }
}
