package org.sendscope.ingest.sheets;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.apache.poi.ss.util.CellReference;
import org.sendscope.ingest.LoadException;

/**
 * The cells of one worksheet read strictly: a number is a number, a Government Statistical Service
 * marker is a marker, and anything else refuses the file with the file, sheet, row, column and raw
 * text, so a person can open the workbook at that cell.
 */
public final class SheetCells {
    /** Markers that stand for a value not published; never zero. */
    public static final Set<String> MARKERS = Set.of("c", "x", "z", "u", "low", ":", "..", "-");

    private static final DataFormatter FORMAT = new DataFormatter(Locale.UK);
    private final String file;
    private final Sheet sheet;
    private int headerRow = -1;

    public SheetCells(String file, Sheet sheet) {
        this.file = file;
        this.sheet = sheet;
    }

    /** Opens a workbook read-only. */
    public static Workbook open(Path file) throws IOException {
        if (!java.nio.file.Files.isRegularFile(file)) throw new LoadException(file.toString(), "no such file");
        try {
            return WorkbookFactory.create(file.toFile(), null, true);
        } catch (IOException | RuntimeException e) {
            throw new LoadException(file.toString(), "not a readable Excel workbook: " + e.getMessage(), e);
        }
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
        Row row = sheet.getRow(rowIndex);
        Map<String, Integer> cols = new LinkedHashMap<>();
        if (row != null) {
            for (Cell c : row) {
                String t = FORMAT.formatCellValue(c).trim();
                if (!t.isEmpty()) cols.putIfAbsent(t, c.getColumnIndex());
            }
        }
        for (String name : required) {
            if (!cols.containsKey(name)) {
                throw new LoadException(file, (long) rowIndex + 1, where(null, -1), null,
                        "no column '" + name + "' in the header row (found " + cols.keySet() + ")");
            }
        }
        return cols;
    }

    /** The trimmed text of a cell, null when empty. */
    public String text(Row row, int col) {
        Cell c = row.getCell(col);
        if (c == null) return null;
        String t = FORMAT.formatCellValue(c).trim();
        return t.isEmpty() ? null : t;
    }

    /** A whole number (an LA number, a rank); anything else refuses the file. */
    public int integer(Row row, int col) {
        Cell c = row.getCell(col);
        String raw = c == null ? "" : FORMAT.formatCellValue(c).trim();
        if (c != null && c.getCellType() == CellType.NUMERIC) {
            double d = c.getNumericCellValue();
            if (d == Math.rint(d)) return (int) d;
        } else if (raw.matches("\\d+")) {
            return Integer.parseInt(raw);
        }
        throw refused(row, col, raw, "not a whole number");
    }

    /** A number or a known marker; anything else (text, a blank) refuses the file. */
    public Value value(Row row, int col) {
        Cell c = row.getCell(col);
        CellType type = c == null ? CellType.BLANK : c.getCellType() == CellType.FORMULA ? c.getCachedFormulaResultType()
                : c.getCellType();
        if (type == CellType.NUMERIC) return new Value(c.getNumericCellValue(), "reported");
        String raw = c == null ? "" : FORMAT.formatCellValue(c).trim();
        if (type == CellType.STRING) {
            String s = c.getStringCellValue().trim();
            if (MARKERS.contains(s.toLowerCase(Locale.ROOT))) return new Value(null, s.toLowerCase(Locale.ROOT));
            try {
                return new Value(Double.parseDouble(s.replace(",", "")), "reported");
            } catch (NumberFormatException e) {
                // falls through to the refusal below
            }
        }
        throw refused(row, col, raw, "not a number or a known marker (" + String.join(" ", MARKERS) + ")");
    }

    /** A refusal naming this cell. */
    public LoadException refused(Row row, int col, String raw, String reason) {
        return new LoadException(file, (long) row.getRowNum() + 1, where(row, col), raw, reason);
    }

    private String where(Row row, int col) {
        String s = "sheet '" + sheet.getSheetName() + "'";
        if (col < 0) return s;
        String header = headerText(col);
        return s + " " + CellReference.convertNumToColString(col) + (header == null ? "" : " (" + header + ")");
    }

    /** The header row's text for this column, for messages. */
    private String headerText(int col) {
        Row row = headerRow < 0 ? null : sheet.getRow(headerRow);
        if (row == null || row.getCell(col) == null) return null;
        String t = FORMAT.formatCellValue(row.getCell(col)).trim();
        return t.isEmpty() ? null : t;
    }

    public Sheet sheet() {
        return sheet;
    }

    public String file() {
        return file;
    }
}
