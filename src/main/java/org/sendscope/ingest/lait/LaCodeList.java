package org.sendscope.ingest.lait;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.sendscope.ingest.sheets.SheetCells;
import org.sendscope.ingest.sheets.Workbook;
import org.sendscope.ingest.sheets.Worksheet;

/**
 * LAIT's LA code list ({@code la_code_list.xlsx}, read with {@link Workbook}): LA number, name, region and type of authority.
 * It has no GSS codes; when given, its names and regions are the ones the LAIT load records for
 * each local authority, and every LA number in the data must be in it.
 */
public final class LaCodeList {

    /** One row of the list. */
    public record Entry(int number, String name, String region, String type) {
    }

    private final Map<Integer, Entry> byNumber;

    private LaCodeList(Map<Integer, Entry> byNumber) {
        this.byNumber = byNumber;
    }

    /** Reads the first sheet, whose header row names {@code LA Number}, {@code LA Name} and {@code Region}. */
    public static LaCodeList read(Path file) {
        Worksheet sheet = Workbook.read(file).sheets().get(0);
        SheetCells cells = new SheetCells(file.toString(), sheet);
        Map<String, Integer> header = cells.header(sheet.firstRow(), "LA Number", "LA Name", "Region");
        Integer typeCol = header.get("Type");
        Map<Integer, Entry> entries = new HashMap<>();
        for (int r = sheet.firstRow() + 1; r <= sheet.lastRow(); r++) {
            if (cells.text(r, header.get("LA Number")) == null) continue;
            int number = cells.integer(r, header.get("LA Number"));
            entries.put(number, new Entry(number, cells.text(r, header.get("LA Name")),
                    cells.text(r, header.get("Region")), typeCol == null ? null : cells.text(r, typeCol)));
        }
        return new LaCodeList(entries);
    }

    /** The list's row for an LA number. */
    public Optional<Entry> entry(int number) {
        return Optional.ofNullable(byNumber.get(number));
    }
}
