package org.sendscope.ingest.lait;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.sendscope.ingest.LoadException;
import org.sendscope.ingest.sheets.SheetCells;

/**
 * LAIT's LA code list ({@code la_code_list.xlsx}): LA number, name, region and type of authority.
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
        try (Workbook wb = SheetCells.open(file)) {
            Sheet sheet = wb.getSheetAt(0);
            SheetCells cells = new SheetCells(file.toString(), sheet);
            Map<String, Integer> header = cells.header(sheet.getFirstRowNum(), "LA Number", "LA Name", "Region");
            Integer typeCol = header.get("Type");
            Map<Integer, Entry> entries = new HashMap<>();
            for (int r = sheet.getFirstRowNum() + 1; r <= sheet.getLastRowNum(); r++) {
                Row row = sheet.getRow(r);
                if (row == null || cells.text(row, header.get("LA Number")) == null) continue;
                int number = cells.integer(row, header.get("LA Number"));
                entries.put(number, new Entry(number, cells.text(row, header.get("LA Name")),
                        cells.text(row, header.get("Region")), typeCol == null ? null : cells.text(row, typeCol)));
            }
            return new LaCodeList(entries);
        } catch (IOException e) {
            throw new LoadException(file.toString(), "cannot read the LA code list: " + e.getMessage(), e);
        }
    }

    /** The list's row for an LA number. */
    public Optional<Entry> entry(int number) {
        return Optional.ofNullable(byNumber.get(number));
    }
}
