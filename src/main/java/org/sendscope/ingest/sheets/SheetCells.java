package org.sendscope.ingest.sheets;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.sendscope.ingest.LoadException;
import org.sendscope.ingest.Numbers;
import org.sendscope.ingest.Plausibility;

/**
 * The cells of one worksheet read strictly: a number is a number, a Government Statistical Service
 * marker is a marker, and anything else refuses the file with the file, sheet, row, column and raw
 * text, so a person can open the workbook at that cell. Rows and columns are zero-based here and
 * one-based / lettered in messages, as Excel shows them.
 */
public final class SheetCells {
    /** Markers that stand for a value not published; never zero. */
    public static final Set<String> MARKERS = Set.of("c", "x", "z", "u", "low", ":", "..", "-");

    private final String file;
    private final Worksheet sheet;
    private int headerRow = -1;

    public SheetCells(String file, Worksheet sheet) {
        this.file = file;
        this.sheet = sheet;
    }

    /** A number or a marker, as read from one cell. */
    public record Value(Double number, String status) {
    }

    /**
     * The columns of a header row by their (trimmed) text; every required name must be there.
     *
     * @param rowIndex zero-based row index
     */
    public Map<String, Integer> header(int rowIndex, String... required) {
        headerRow = rowIndex;
        Map<String, Integer> cols = new LinkedHashMap<>();
        for (Worksheet.Cell c : sheet.row(rowIndex).values()) {
            String t = c.text().trim();
            if (!t.isEmpty()) cols.putIfAbsent(t, c.column());
        }
        for (String name : required) {
            if (!cols.containsKey(name)) {
                throw new LoadException(file, (long) rowIndex + 1, sheet.name(), null,
                        "no column '" + name + "' in the header row (found " + cols.keySet() + ")");
            }
        }
        return cols;
    }

    /** The trimmed text of a cell, null when empty. */
    public String text(int row, int col) {
        Worksheet.Cell c = sheet.cell(row, col);
        if (c == null) return null;
        String t = c.text().trim();
        return t.isEmpty() ? null : t;
    }

    /** A whole number (an LA number, a rank); anything else refuses the file. */
    public int integer(int row, int col) {
        String t = text(row, col);
        if (t != null && t.matches("\\d{1,9}")) return Integer.parseInt(t);
        throw refused(row, col, t == null ? "" : t, "not a whole number");
    }

    /** A number or a known marker; anything else (text, a blank) refuses the file. */
    public Value value(int row, int col) {
        Worksheet.Cell c = sheet.cell(row, col);
        String raw = c == null ? "" : c.raw().trim();
        if (c != null && c.kind().equals("number")) {
            // a numeric cell's XML may still hold NaN, INF or 1e400 (hand-edited or written by a script)
            Double v = Numbers.parse(raw);
            if (v == null || raw.contains(",")) throw refused(row, col, raw, Numbers.whyNot(raw));
            return new Value(v, "reported");
        }
        if (c != null && c.kind().equals("text")) {
            if (MARKERS.contains(raw.toLowerCase(Locale.ROOT))) return new Value(null, raw.toLowerCase(Locale.ROOT));
            Double v = Numbers.parse(raw);
            if (v != null) return new Value(v, "reported");
            if (!raw.isEmpty()) {
                throw refused(row, col, raw, Numbers.whyNot(raw) + "; expected a number or a known marker ("
                        + String.join(" ", MARKERS) + ")");
            }
        }
        throw refused(row, col, raw, "not a number or a known marker (" + String.join(" ", MARKERS) + ")");
    }

    /** The value, if plausible for its measure's range; a value outside it refuses the file at this cell. */
    public Value plausible(int row, int col, Value v, Plausibility.Range range) {
        if (v.number() == null) return v;
        var breach = range.breach(v.number());
        if (breach.isPresent()) throw refused(row, col, Plausibility.text(v.number()), breach.get());
        return v;
    }

    /** A refusal naming this cell. */
    public LoadException refused(int row, int col, String raw, String reason) {
        return new LoadException(file, (long) row + 1, where(col), raw, reason);
    }

    private String where(int col) {
        // Excel's own way of naming a cell's column: Sheet!C, with the header text to recognise it by.
        if (col < 0) return sheet.name();
        String header = headerRow < 0 ? null : text(headerRow, col);
        return sheet.name() + "!" + Workbook.columnName(col) + (header == null ? "" : " (" + header + ")");
    }

    public Worksheet sheet() {
        return sheet;
    }

    public String file() {
        return file;
    }

    /** Whether the sheet's first row has a cell reading {@code text}: how a sheet's layout is recognised. */
    public boolean firstRowHas(String text) {
        return sheet().row(sheet().firstRow()).values().stream().anyMatch(c -> text.equals(c.text().trim()));
    }
}
