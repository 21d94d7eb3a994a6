package org.sendscope.kernel;

import java.util.ArrayList;
import java.util.List;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * A Tablesaw table as an HTML table for a notebook. A long table shows its first and last rows
 * with a gap row between, and always says how many rows it has, so a reader never mistakes a
 * preview for the whole answer.
 */
public final class TableHtml {
    /** Tables up to this many rows are shown whole. */
    public static final int SHOW_ALL_UP_TO = 30;
    /** Rows shown from the top of a longer table. */
    public static final int HEAD = 10;
    /** Rows shown from the bottom of a longer table. */
    public static final int TAIL = 5;

    private TableHtml() {
    }

    /** The HTML table with a caption giving the row and column count. */
    public static String render(Table t) {
        StringBuilder b = new StringBuilder("<table class=\"sendscope-table\">\n");
        b.append("<caption style=\"caption-side:bottom;text-align:left\">").append(escape(caption(t))).append("</caption>\n");
        b.append("<thead><tr>");
        for (Column<?> c : t.columns()) b.append("<th>").append(escape(c.name())).append("</th>");
        b.append("</tr></thead>\n<tbody>\n");
        for (int r : shownRows(t)) {
            if (r < 0) {
                b.append("<tr>");
                for (int i = 0; i < t.columnCount(); i++) b.append("<td>…</td>");
                b.append("</tr>\n");
                continue;
            }
            b.append("<tr>");
            for (Column<?> c : t.columns()) {
                String v = cell(c, r);
                b.append(isNumeric(c) ? "<td style=\"text-align:right\">" : "<td>").append(escape(v)).append("</td>");
            }
            b.append("</tr>\n");
        }
        return b.append("</tbody>\n</table>").toString();
    }

    /** The same preview as aligned text. */
    public static String text(Table t) {
        List<String[]> rows = new ArrayList<>();
        for (int r : shownRows(t)) {
            String[] row = new String[t.columnCount()];
            for (int i = 0; i < row.length; i++) row[i] = r < 0 ? "…" : cell(t.column(i), r);
            rows.add(row);
        }
        int[] w = new int[t.columnCount()];
        for (int i = 0; i < w.length; i++) w[i] = t.column(i).name().length();
        for (String[] row : rows) for (int i = 0; i < w.length; i++) w[i] = Math.max(w[i], row[i].length());
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < w.length; i++) b.append(i == 0 ? "" : "  ").append(pad(t.column(i).name(), w[i]));
        b.append('\n');
        for (String[] row : rows) {
            for (int i = 0; i < w.length; i++) b.append(i == 0 ? "" : "  ").append(pad(row[i], w[i]));
            b.append('\n');
        }
        return b.append(caption(t)).toString();
    }

    static String caption(Table t) {
        int n = t.rowCount();
        String rows = n == 1 ? "1 row" : String.format("%,d rows", n);
        String cols = t.columnCount() == 1 ? "1 column" : t.columnCount() + " columns";
        String shown = n > SHOW_ALL_UP_TO ? " (first " + HEAD + " and last " + TAIL + " shown)" : "";
        return rows + " × " + cols + shown;
    }

    /** Row indexes to show; -1 marks the gap. */
    private static List<Integer> shownRows(Table t) {
        List<Integer> rows = new ArrayList<>();
        int n = t.rowCount();
        if (n <= SHOW_ALL_UP_TO) {
            for (int r = 0; r < n; r++) rows.add(r);
        } else {
            for (int r = 0; r < HEAD; r++) rows.add(r);
            rows.add(-1);
            for (int r = n - TAIL; r < n; r++) rows.add(r);
        }
        return rows;
    }

    private static boolean isNumeric(Column<?> c) {
        return c instanceof tech.tablesaw.api.NumericColumn<?>;
    }

    /** A cell as text: missing values blank, whole doubles without ".0", others to 6 significant digits. */
    static String cell(Column<?> c, int r) {
        if (c.isMissing(r)) return "";
        Object v = c.get(r);
        if (v instanceof Double d) {
            if (d == Math.rint(d) && Math.abs(d) < 1e15) return Long.toString(d.longValue());
            String s = new java.math.BigDecimal(d).round(new java.math.MathContext(6)).stripTrailingZeros().toPlainString();
            return s;
        }
        if (v instanceof Float f) return cell(tech.tablesaw.api.DoubleColumn.create("x", new double[] {f}), 0);
        return String.valueOf(v);
    }

    private static String pad(String s, int w) {
        return s + " ".repeat(Math.max(0, w - s.length()));
    }

    static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
