package org.sendscope.report;

import java.io.PrintWriter;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Prints a query result as an aligned text table, CSV (safe to open in Excel: a cell that would
 * start a formula is neutralised with a leading apostrophe) or JSON lines.
 */
public final class ResultPrinter {
    private ResultPrinter() {
    }

    /** Prints every row of {@code rs}; returns the number of rows. */
    public static long print(ResultSet rs, TableFormat format, PrintWriter out) throws SQLException {
        ResultSetMetaData md = rs.getMetaData();
        int n = md.getColumnCount();
        List<String> names = new ArrayList<>();
        for (int i = 1; i <= n; i++) names.add(md.getColumnLabel(i));
        List<String[]> rows = new ArrayList<>();
        while (rs.next()) {
            String[] row = new String[n];
            for (int i = 1; i <= n; i++) {
                Object o = rs.getObject(i);
                row[i - 1] = o == null ? null : render(o);
            }
            rows.add(row);
        }
        switch (format) {
            case csv -> printCsv(names, rows, out);
            case json -> printJson(names, rows, md, out);
            default -> printTable(names, rows, out);
        }
        out.flush();
        return rows.size();
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

    private static String render(Object o) {
        if (o instanceof Double d) {
            if (d == Math.rint(d) && !Double.isInfinite(d) && Math.abs(d) < 1e15) return Long.toString(d.longValue());
            return Double.toString(d);
        }
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
        for (String[] r : rows) {
            StringBuilder b = new StringBuilder();
            for (int i = 0; i < r.length; i++) {
                if (i > 0) b.append(',');
                if (r[i] != null) b.append(csvCell(r[i]));
            }
            out.println(b);
        }
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

    private static void printJson(List<String> names, List<String[]> rows, ResultSetMetaData md, PrintWriter out)
            throws SQLException {
        boolean[] numeric = new boolean[names.size()];
        for (int i = 0; i < numeric.length; i++) {
            int t = md.getColumnType(i + 1);
            numeric[i] = t == java.sql.Types.INTEGER || t == java.sql.Types.BIGINT || t == java.sql.Types.DOUBLE
                    || t == java.sql.Types.FLOAT || t == java.sql.Types.DECIMAL || t == java.sql.Types.SMALLINT
                    || t == java.sql.Types.TINYINT || t == java.sql.Types.NUMERIC || t == java.sql.Types.REAL;
        }
        printJson(names, rows, numeric, out);
    }

    private static void printJson(List<String> names, List<String[]> rows, boolean[] numeric, PrintWriter out) {
        out.println("[");
        for (int r = 0; r < rows.size(); r++) {
            StringBuilder b = new StringBuilder("  {");
            String[] row = rows.get(r);
            for (int i = 0; i < row.length; i++) {
                if (i > 0) b.append(", ");
                b.append(jsonString(names.get(i))).append(": ");
                if (row[i] == null) b.append("null");
                else if (numeric[i] && !row[i].equals("NaN") && !row[i].contains("Infinity")) b.append(row[i]);
                else b.append(jsonString(row[i]));
            }
            b.append(r + 1 < rows.size() ? "}," : "}");
            out.println(b);
        }
        out.println("]");
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
