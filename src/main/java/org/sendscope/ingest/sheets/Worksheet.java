package org.sendscope.ingest.sheets;

import java.math.BigDecimal;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * One sheet's cells by zero-based row and column, as {@link Workbook} read them: a number keeps
 * the exact text Excel stored, a shared or inline string its text.
 */
public final class Worksheet {

    /**
     * One cell.
     *
     * @param kind {@code number}, {@code text}, {@code boolean} or {@code error}
     * @param raw  the stored text: {@code 259243459.17895}, {@code Very close}
     */
    public record Cell(int column, String kind, String raw) {
        /** The text a person sees, near enough: whole numbers without a decimal point. */
        public String text() {
            if (!kind.equals("number")) return raw;
            try {
                BigDecimal d = new BigDecimal(raw.trim());
                return d.stripTrailingZeros().scale() <= 0 ? d.toBigInteger().toString() : d.stripTrailingZeros().toPlainString();
            } catch (NumberFormatException e) {
                return raw;
            }
        }
    }

    private final String name;
    private final NavigableMap<Integer, TreeMap<Integer, Cell>> rows;

    Worksheet(String name, NavigableMap<Integer, TreeMap<Integer, Cell>> rows) {
        this.name = name;
        this.rows = rows;
    }

    public String name() {
        return name;
    }

    /** Whether the sheet has no cell with a value. */
    public boolean isEmpty() {
        return rows.isEmpty();
    }

    /** The first row with a value (zero-based), 0 for an empty sheet. */
    public int firstRow() {
        return rows.isEmpty() ? 0 : rows.firstKey();
    }

    /** The last row with a value (zero-based), -1 for an empty sheet. */
    public int lastRow() {
        return rows.isEmpty() ? -1 : rows.lastKey();
    }

    /** The cells of a row by column, empty when the row has none. */
    public Map<Integer, Cell> row(int index) {
        TreeMap<Integer, Cell> r = rows.get(index);
        return r == null ? Map.of() : r;
    }

    /** One cell, or null. */
    public Cell cell(int row, int column) {
        return row(row).get(column);
    }
}
