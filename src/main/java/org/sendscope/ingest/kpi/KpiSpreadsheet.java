package org.sendscope.ingest.kpi;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.sendscope.ingest.LoadException;
import org.sendscope.ingest.SourceFile;
import org.sendscope.ingest.TextInput;

/**
 * An analyst's scorecard spreadsheet ({@code .csv}, {@code .tsv} or {@code .xlsx}, first sheet)
 * as rows of text, the way a person sees the cells (an Excel percentage reads {@code 41.6%}).
 * Two layouts: the <em>wide</em> scorecard (a header row with the KPI column, optional required
 * direction and target, one column per period, optional National / region / Statistical
 * Neighbours columns), read like a paper's table; and the <em>long</em> format, one value a row
 * (see {@link KpiLongFormat}).
 */
public final class KpiSpreadsheet {
    private KpiSpreadsheet() {
    }

    /** The rows of the file, each a list of cell texts; row numbers are 1-based in the returned rows. */
    public static List<KpiTable.Row> rows(SourceFile file) {
        String name = file.path().getFileName().toString().toLowerCase(Locale.ROOT);
        try {
            if (name.endsWith(".xlsx") || name.endsWith(".xlsm")) return xlsx(file);
            if (name.endsWith(".tsv") || name.endsWith(".txt")) return delimited(file, CSVFormat.TDF);
            if (name.endsWith(".csv")) return delimited(file, CSVFormat.DEFAULT);
        } catch (IOException | RuntimeException e) {
            if (e instanceof LoadException le) throw le;
            throw new LoadException(file.name(), "cannot read as a spreadsheet: " + e.getMessage(), e);
        }
        throw new LoadException(file.name(), "a scorecard must be .csv, .tsv or .xlsx");
    }

    /** Reads the file in whichever layout its header row shows. */
    public static final KpiLoader.Reading READING = (file, catalogue, context, store) -> {
        store.refuseRepeatsWithinTable(file.name());
        List<KpiTable.Row> rows = rows(file);
        int first = 0;
        while (first < rows.size() && rows.get(first).cells().stream().allMatch(String::isBlank)) first++;
        if (first < rows.size() && KpiLongFormat.isHeader(rows.get(first).cells())) {
            return KpiLongFormat.read(rows.subList(first, rows.size()), file.name(), catalogue, context, store);
        }
        return KpiLoader.ofTables(f -> tables(f, rows)).read(file, catalogue, context, store);
    };

    /** The file as one wide scorecard table. */
    static List<KpiTable> tables(SourceFile file, List<KpiTable.Row> rows) {
        for (int i = 0; i < rows.size(); i++) {
            var h = KpiHeader.read(rows.get(i).cells(), 1);
            if (h.isPresent()) {
                return List.of(new KpiTable("wide scorecard", rows.get(i).line(), h.get(), rows.subList(i + 1, rows.size())));
            }
        }
        throw new LoadException(file.name(), "no header row with period columns (e.g. 'KPI, Direction, Dec-23, "
                + "Jan-24, Target, National (2022)') and not the long format (columns kpi, period, value)");
    }

    private static List<KpiTable.Row> delimited(SourceFile file, CSVFormat format) throws IOException {
        List<KpiTable.Row> out = new ArrayList<>();
        String text = TextInput.read(file.path(), file.name());
        TextInput.Lines lines = TextInput.Lines.of(text);
        try (Reader r = new java.io.StringReader(text);
             CSVParser p = CSVParser.parse(r, format)) {
            for (CSVRecord rec : p) {
                List<String> cells = new ArrayList<>();
                rec.forEach(cells::add);
                // the record's own line: a quoted line break earlier would shift its record number
                out.add(new KpiTable.Row(lines.lineOf(rec.getCharacterPosition()), cells));
            }
        }
        return out;
    }

    private static List<KpiTable.Row> xlsx(SourceFile file) throws IOException {
        List<KpiTable.Row> out = new ArrayList<>();
        DataFormatter fmt = new DataFormatter(Locale.UK);
        org.sendscope.ingest.sheets.Workbook.checkParts(file.path(), file.name());
        try (InputStream in = Files.newInputStream(file.path()); Workbook wb = WorkbookFactory.create(in)) {
            Sheet sheet = wb.getSheetAt(0);
            var eval = wb.getCreationHelper().createFormulaEvaluator();
            for (Row row : sheet) {
                List<String> cells = new ArrayList<>();
                for (int c = 0; c < Math.max(0, row.getLastCellNum()); c++) {
                    Cell cell = row.getCell(c);
                    cells.add(cell == null ? "" : fmt.formatCellValue(cell, eval));
                }
                out.add(new KpiTable.Row(row.getRowNum() + 1L, cells));
            }
        }
        return out;
    }
}
