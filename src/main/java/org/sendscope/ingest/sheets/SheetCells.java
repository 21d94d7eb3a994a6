package org.sendscope.ingest.sheets;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.sendscope.ingest.LoadException;

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
            try {
                return new Value(Double.parseDouble(raw), "reported");
            } catch (NumberFormatException e) {
                throw refused(row, col, raw, "not a number");
            }
        }
        if (c != null && c.kind().equals("text")) {
            if (MARKERS.contains(raw.toLowerCase(Locale.ROOT))) return new Value(null, raw.toLowerCase(Locale.ROOT));
            try {
                return new Value(Double.parseDouble(raw.replace(",", "")), "reported");
            } catch (NumberFormatException e) {
                // falls through to the refusal below
            }
        }
        throw refused(row, col, raw, "not a number or a known marker (" + String.join(" ", MARKERS) + ")");
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
}
