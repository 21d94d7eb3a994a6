package org.sendscope.kernel;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.WeakHashMap;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * A Tablesaw table as an HTML table for a notebook. A long table shows its first and last rows
 * with a gap row between, and always says how many rows it has, so a reader never mistakes a
 * preview for the whole answer. How many rows is a setting ({@code %config SqlMagic.displaylimit},
 * {@link Sendscope#displayLimit(int)}); a schema ({@code DESCRIBE}, {@code SHOW}, {@code SUMMARIZE})
 * is always shown whole, because a column left out of it is a column the reader never learns of.
 */
public final class TableHtml {
    /** Tables up to this many rows are shown whole, unless the display limit is changed. */
    public static final int SHOW_ALL_UP_TO = 30;
    /** Rows shown from the top of a longer table at the default limit (a third of the limit). */
    public static final int HEAD = 10;
    /** Rows shown from the bottom of a longer table at the default limit (a sixth of it). */
    public static final int TAIL = 5;

    private static volatile int displayLimit = SHOW_ALL_UP_TO;
    private static volatile boolean thousands;
    /** Tables shown whole whatever the limit (schemas); by identity, forgotten with the table. */
    private static final Set<Table> WHOLE = Collections.synchronizedSet(Collections.newSetFromMap(new WeakHashMap<>()));

    private TableHtml() {
    }

    /** Tables up to {@code rows} rows are shown whole, longer ones by their first and last rows; 0 shows every row. */
    public static void displayLimit(int rows) {
        if (rows < 0) throw new IllegalArgumentException("a display limit is 0 (every row) or more, not " + rows);
        displayLimit = rows;
    }

    /** The display limit in force (0: every row). */
    public static int displayLimit() {
        return displayLimit;
    }

    /** Numbers with thousands separators (3,266) or without (3266, the default). Years and codes never get them. */
    public static void thousands(boolean on) {
        thousands = on;
    }

    /** Whether numbers are written with thousands separators. */
    public static boolean thousands() {
        return thousands;
    }

    /** Marks a table to be shown whole, whatever the limit (a schema). */
    public static Table showWhole(Table t) {
        WHOLE.add(t);
        return t;
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
                String v = shownCell(c, r);
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
            for (int i = 0; i < row.length; i++) row[i] = r < 0 ? "…" : shownCell(t.column(i), r);
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
        String shown = whole(t) ? "" : " (first " + head() + " and last " + tail() + " shown)";
        return rows + " × " + cols + shown;
    }

    private static boolean whole(Table t) {
        int limit = displayLimit;
        return limit == 0 || t.rowCount() <= limit || WHOLE.contains(t);
    }

    private static int head() {
        return Math.max(1, displayLimit / 3);
    }

    private static int tail() {
        return Math.max(1, displayLimit / 6);
    }

    /** Row indexes to show; -1 marks the gap. */
    private static List<Integer> shownRows(Table t) {
        List<Integer> rows = new ArrayList<>();
        int n = t.rowCount();
        if (whole(t)) {
            for (int r = 0; r < n; r++) rows.add(r);
        } else {
            for (int r = 0; r < head(); r++) rows.add(r);
            rows.add(-1);
            for (int r = n - tail(); r < n; r++) rows.add(r);
        }
        return rows;
    }

    /** A cell as shown: {@link #cell} with thousands separators when they are on and the column holds quantities. */
    static String shownCell(Column<?> c, int r) {
        String v = cell(c, r);
        if (!thousands || !isNumeric(c) || isLabel(c.name()) || v.isEmpty()) return v;
        return withSeparators(v);
    }

    /** Years, codes and identifiers are labels, not quantities: 2023 stays 2023. */
    private static boolean isLabel(String column) {
        String n = column.toLowerCase(java.util.Locale.ROOT);
        return n.contains("year") || n.contains("code") || n.contains("january") || n.equals("id") || n.endsWith("_id")
                || n.contains("urn") || n.contains("number") || n.contains("origin") || n.contains("vintage");
    }

    static String withSeparators(String plain) {
        int start = plain.startsWith("-") ? 1 : 0;
        int dot = plain.indexOf('.');
        int end = dot < 0 ? plain.length() : dot;
        if (end - start <= 3 || !plain.substring(start, end).chars().allMatch(Character::isDigit)) return plain;
        StringBuilder b = new StringBuilder(plain.substring(0, start));
        String digits = plain.substring(start, end);
        for (int i = 0; i < digits.length(); i++) {
            if (i > 0 && (digits.length() - i) % 3 == 0) b.append(',');
            b.append(digits.charAt(i));
        }
        return b.append(plain.substring(end)).toString();
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
