package org.sendscope.ingest.actions;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.sendscope.ingest.LoadException;
import org.sendscope.ingest.TextInput;

/**
 * Reads an action tracker as officers keep it: a CSV, TSV or XLSX (first sheet) with a header row and
 * one action a row. Columns are recognised by name, with the usual synonyms ({@code Due date},
 * {@code Completion date} → deadline; {@code RAG}, {@code RAG rating} → status; {@code Owner},
 * {@code Accountable officer} → lead; …). {@code ref}, {@code action}, {@code deadline} and
 * {@code status} are required: a tracker without one of them is refused whole, naming the file, the
 * header line and the missing column. A bad cell (a date that cannot be read, a status on no known
 * scale) is recorded in {@code load_rejects} and the rest of the row loads. Lines are counted as
 * records (a CSV cell spanning lines counts once); in a workbook, line means the sheet's row number.
 */
public final class TrackerParser {

    /** Each column the loader knows, with the header names it answers to (compared lower-case, trimmed). */
    static final Map<String, List<String>> COLUMNS = new LinkedHashMap<>();

    static {
        COLUMNS.put("ref", List.of("ref", "reference", "ref no", "ref.", "action ref", "action no", "action number",
                "no", "no.", "id", "#"));
        COLUMNS.put("priority", List.of("priority", "priority area", "area", "area for development", "theme",
                "workstream", "strategic priority"));
        COLUMNS.put("objective", List.of("objective", "what do we want to achieve"));
        COLUMNS.put("action", List.of("action", "actions", "title", "action title", "description", "key action",
                "key actions", "what we will do"));
        COLUMNS.put("lead", List.of("lead", "leads", "lead officer", "owner", "responsible", "responsible officer",
                "accountable officer", "accountable officer(s)", "strategic lead"));
        COLUMNS.put("deliverers", List.of("deliverer", "deliverers", "deliverer(s)", "delivered by"));
        COLUMNS.put("origin", List.of("origin", "source", "codes", "code", "sef/dbv/afi", "sef/dbv/afi (no)"));
        COLUMNS.put("start", List.of("start", "start date", "from"));
        COLUMNS.put("deadline", List.of("deadline", "due", "due date", "completion date", "target date", "by when",
                "end date", "date due"));
        COLUMNS.put("status", List.of("status", "rag", "rag rating", "rag status", "status (ragp)", "rating",
                "progress rating"));
        COLUMNS.put("success_measures", List.of("success measures", "success measure", "success criteria",
                "impact measures", "measures", "outcomes", "intended outcomes"));
        COLUMNS.put("progress", List.of("progress", "progress to date", "progress update", "update", "commentary",
                "comments", "notes"));
    }

    /** Columns a tracker must have. */
    static final List<String> REQUIRED = List.of("ref", "action", "deadline", "status");

    private TrackerParser() {
    }

    /** Parses a tracker file (by extension: .xlsx, .tsv, else CSV). */
    public static ParsedPlan parse(Path file, String fileName) {
        List<List<String>> rows = read(file, fileName);
        return parse(rows, fileName);
    }

    /** Parses rows already read (the first non-empty row is the header). Row i is line i + 1. */
    static ParsedPlan parse(List<List<String>> rows, String fileName) {
        ParsedPlan plan = new ParsedPlan(PlanFormat.TRACKER, fileName);
        int h = 0;
        while (h < rows.size() && rows.get(h).stream().allMatch(String::isBlank)) h++;
        if (h == rows.size()) throw new LoadException(fileName, "empty tracker: no header row");
        List<String> header = rows.get(h);
        Map<String, Integer> index = new HashMap<>();
        for (int c = 0; c < header.size(); c++) {
            String name = header.get(c).strip().toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
            for (Map.Entry<String, List<String>> e : COLUMNS.entrySet()) {
                if (e.getValue().contains(name) && !index.containsKey(e.getKey())) index.put(e.getKey(), c);
            }
        }
        for (String required : REQUIRED) {
            if (!index.containsKey(required)) {
                throw new LoadException(fileName, (long) h + 1, required, String.join(",", header),
                        "missing required column '" + required + "' in the header row (a column named one of: "
                                + String.join(", ", COLUMNS.get(required)) + ")");
            }
        }
        Set<String> refs = new HashSet<>();
        for (int r = h + 1; r < rows.size(); r++) {
            List<String> row = rows.get(r);
            long line = r + 1;
            if (row.stream().allMatch(String::isBlank)) continue;
            String ref = cell(row, index, "ref");
            String title = cell(row, index, "action");
            if (ref.isEmpty()) {
                plan.reject(null, line, "ref", String.join(",", row), "row without a ref; skipped");
                continue;
            }
            if (!refs.add(ref)) {
                throw new LoadException(fileName, line, "ref", ref, "ref '" + ref + "' appears twice in the tracker");
            }
            if (title.isEmpty()) {
                plan.reject(null, line, "action", "", "ref " + ref + " has no action text; row skipped");
                continue;
            }
            PlannedAction a = new PlannedAction();
            a.ref = ref;
            a.line = line;
            a.title = title;
            a.priority = blank(cell(row, index, "priority"));
            a.objective = blank(cell(row, index, "objective"));
            a.lead = blank(cell(row, index, "lead"));
            a.deliverers = blank(cell(row, index, "deliverers"));
            a.origin = blank(cell(row, index, "origin"));
            a.successMeasures = blank(cell(row, index, "success_measures"));
            a.progress = blank(cell(row, index, "progress"));
            if (index.containsKey("start")) plan.readStart(a, line, blank(cell(row, index, "start")));
            plan.readDeadline(a, line, blank(cell(row, index, "deadline")));
            plan.readStatus(a, line, cell(row, index, "status"));
            a.seq = plan.actions.size() + 1;
            plan.actions.add(a);
        }
        return plan;
    }

    private static String cell(List<String> row, Map<String, Integer> index, String column) {
        Integer c = index.get(column);
        return c == null || c >= row.size() || row.get(c) == null ? "" : row.get(c).strip();
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    private static List<List<String>> read(Path file, String fileName) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        try {
            if (name.endsWith(".xlsx") || name.endsWith(".xls")) return readWorkbook(file);
            CSVFormat format = (name.endsWith(".tsv") || name.endsWith(".tab") ? CSVFormat.TDF : CSVFormat.DEFAULT)
                    .builder().setIgnoreSurroundingSpaces(true).get();
            List<List<String>> rows = new ArrayList<>();
            String text = TextInput.read(file, fileName);
            TextInput.Lines lines = TextInput.Lines.of(text);
            try (Reader in = new StringReader(text);
                 CSVParser p = CSVParser.parse(in, format)) {
                for (CSVRecord rec : p) {
                    // row i is line i + 1: a record after a quoted line break starts lines later
                    long line = lines.lineOf(rec.getCharacterPosition());
                    while (rows.size() < line - 1) rows.add(List.of());
                    List<String> cells = new ArrayList<>();
                    rec.forEach(v -> cells.add(TextInput.withoutBom(v)));
                    rows.add(cells);
                }
            }
            return rows;
        } catch (IOException | RuntimeException e) {
            if (e instanceof LoadException le) throw le;
            throw new LoadException(fileName, "cannot read tracker: " + e.getMessage(), e);
        }
    }

    private static List<List<String>> readWorkbook(Path file) throws IOException {
        List<List<String>> rows = new ArrayList<>();
        DataFormatter fmt = new DataFormatter(Locale.UK);
        if (file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".xlsx")) {
            org.sendscope.ingest.sheets.Workbook.checkParts(file, file.toString()); // before POI reads it
        }
        try (InputStream in = Files.newInputStream(file); Workbook wb = WorkbookFactory.create(in)) {
            Sheet sheet = wb.getSheetAt(0);
            for (Row row : sheet) {
                while (rows.size() < row.getRowNum()) rows.add(List.of());
                List<String> cells = new ArrayList<>();
                for (int c = 0; c < Math.max(0, row.getLastCellNum()); c++) {
                    Cell cell = row.getCell(c);
                    if (cell == null) cells.add("");
                    else if (cell.getCellType() == CellType.NUMERIC && DateUtil.isCellDateFormatted(cell)) {
                        cells.add(cell.getLocalDateTimeCellValue().toLocalDate().toString());
                    } else {
                        cells.add(fmt.formatCellValue(cell));
                    }
                }
                rows.add(cells);
            }
        }
        return rows;
    }
}
