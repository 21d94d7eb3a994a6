package org.sendscope.ingest.neighbours;

import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.sendscope.ingest.LoadException;
import org.sendscope.ingest.LoadResult;
import org.sendscope.ingest.LoadRun;
import org.sendscope.ingest.SourceFile;
import org.sendscope.ingest.areas.AreaCodes;
import org.sendscope.ingest.areas.LocalAuthority;
import org.sendscope.ingest.sheets.SheetCells;
import org.sendscope.ingest.sheets.Workbook;
import org.sendscope.ingest.sheets.Worksheet;
import org.sendscope.ingest.staging.StagedRows;
import org.sendscope.warehouse.Warehouse;

/**
 * Loads a DfE children's services statistical neighbours workbook ({@code sn_may_2025.xlsx}): for
 * each LA number its ten neighbours SN1…SN10, each followed by its closeness ({@code SNP}). Rows
 * after the {@code Old SNs:} line are the lists of LAs that no longer exist (Bournemouth, Poole,
 * the old Dorset, Northamptonshire, Cumbria) and load as set {@code old}; the rest as
 * {@code current}. A neighbour given as {@code -} (an LA the file lists without neighbours yet) is
 * left out and noted on the load. LA numbers become GSS codes through {@link AreaCodes}.
 */
public final class StatisticalNeighboursLoader implements org.sendscope.ingest.Loader {
    /** The loader's name in load_log. */
    public static final String SOURCE = "neighbours";
    private static final Pattern MONTH_YEAR = Pattern.compile(
            "(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*[ _-]*(\\d{4})", Pattern.CASE_INSENSITIVE);
    private static final List<String> MONTHS = List.of("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep",
            "oct", "nov", "dec");

    private final String vintage;

    /**
     * @param vintage the release ({@code 2025-05}), or null to read it from the file name
     */
    public StatisticalNeighboursLoader(String vintage) {
        this.vintage = vintage;
    }

    /** The release a file name states: {@code sn_may_2025.xlsx} → {@code 2025-05}. */
    public static String vintageOf(Path file) {
        Matcher m = MONTH_YEAR.matcher(file.getFileName().toString());
        if (!m.find()) {
            throw new LoadException(file.toString(), "cannot tell the release from the file name (expected a month and "
                    + "year such as sn_may_2025.xlsx); pass --vintage YYYY-MM");
        }
        int month = MONTHS.indexOf(m.group(1).toLowerCase(Locale.ROOT)) + 1;
        return String.format("%s-%02d", m.group(2), month);
    }

    /** One LA's neighbour at one rank, as read. */
    private record Pair(int la, int rank, int neighbour, String closeness, String set) {
    }

    /** Loads one workbook in one transaction. */
    @Override
    public LoadResult load(Warehouse warehouse, Path xlsx, boolean replace) {
        SourceFile file = SourceFile.of(xlsx);
        String v = vintage != null ? vintage : vintageOf(xlsx);
        List<String> notes = new ArrayList<>();
        List<Pair> pairs = read(xlsx, notes);
        try {
            AreaCodes areas = AreaCodes.of(warehouse.connection());
            TreeSet<Integer> unknown = new TreeSet<>();
            StagedRows rows = new StagedRows("statistical_neighbour_fact", 7);
            Map<Integer, String> codes = new LinkedHashMap<>();
            for (Pair p : pairs) {
                for (int n : new int[] {p.la(), p.neighbour()}) {
                    areas.byNumber(n).map(LocalAuthority::code).ifPresentOrElse(code -> codes.put(n, code), () -> unknown.add(n));
                }
            }
            areas.refuseUnknown(file.name(), "LA num / SN", unknown.stream().map(String::valueOf).toList());
            return LoadRun.run(warehouse, SOURCE, SOURCE + "|" + v, file, v, replace, run -> {
                for (Pair p : pairs) {
                    rows.add(codes.get(p.la()), p.rank(), codes.get(p.neighbour()), p.closeness(), p.set(), v, run.loadId());
                }
                int n = rows.insert(run.connection());
                if (!notes.isEmpty()) run.message(String.join("; ", notes));
                return n;
            });
        } catch (SQLException e) {
            throw new LoadException(file.name(), "warehouse error: " + e.getMessage(), e);
        }
    }

    /** Reads the neighbour pairs of the first sheet with an SN1 column; refuses anything unexpected. */
    static List<Pair> read(Path xlsx, List<String> notes) {
        for (Worksheet sheet : Workbook.read(xlsx).sheets()) {
            int headerRow = findHeader(sheet);
            if (headerRow >= 0) return read(new SheetCells(xlsx.toString(), sheet), headerRow, notes);
        }
        throw new LoadException(xlsx.toString(), "no sheet has a header row with columns SN1 … SN10");
    }

    private static int findHeader(Worksheet sheet) {
        for (int r = sheet.firstRow(); r <= Math.min(sheet.lastRow(), sheet.firstRow() + 20); r++) {
            for (Worksheet.Cell c : sheet.row(r).values()) {
                if (c.kind().equals("text") && c.raw().trim().equalsIgnoreCase("SN1")) return r;
            }
        }
        return -1;
    }

    private static List<Pair> read(SheetCells cells, int headerRow, List<String> notes) {
        List<String> required = new ArrayList<>(List.of("LA Name"));
        for (int k = 1; k <= 10; k++) required.add("SN" + k);
        Map<String, Integer> header = cells.header(headerRow, required.toArray(String[]::new));
        // The workbooks give the LA number twice ('LA num' and 'LA number'); either will do.
        if (!header.containsKey("LA number") && !header.containsKey("LA num")) cells.header(headerRow, "LA number");
        int laCol = header.containsKey("LA number") ? header.get("LA number") : header.get("LA num");
        int nameCol = header.get("LA Name");
        Worksheet sheet = cells.sheet();
        for (int k = 1; k <= 10; k++) {
            int col = header.get("SN" + k) + 1;
            String next = cells.text(headerRow, col);
            if (!"SNP".equalsIgnoreCase(next)) {
                throw new LoadException(cells.file(), (long) headerRow + 1, sheet.name() + "!SN" + k,
                        next, "each SNk column must be followed by its closeness column SNP");
            }
        }
        List<Pair> pairs = new ArrayList<>();
        java.util.Set<String> seen = new java.util.HashSet<>();
        String set = "current";
        List<String> without = new ArrayList<>();
        for (int r = headerRow + 1; r <= sheet.lastRow(); r++) {
            if (cells.text(r, laCol) == null) {
                for (Worksheet.Cell c : sheet.row(r).values()) {
                    if (c.kind().equals("text") && c.raw().trim().toLowerCase(Locale.ROOT).startsWith("old sn")) set = "old";
                }
                continue;
            }
            int la = cells.integer(r, laCol);
            if (!seen.add(set + "|" + la)) throw cells.refused(r, laCol, Integer.toString(la), "this LA already has a list in this block");
            int listed = 0;
            for (int k = 1; k <= 10; k++) {
                int col = header.get("SN" + k);
                String raw = cells.text(r, col);
                String closenessRaw = cells.text(r, col + 1);
                if (raw == null || raw.equals("-")) {
                    if (closenessRaw != null && !closenessRaw.equals("-")) {
                        throw cells.refused(r, col, raw, "a closeness without a neighbour");
                    }
                    continue;
                }
                int neighbour = cells.integer(r, col);
                final int row = r;
                String closeness = Closeness.of(closenessRaw).orElseThrow(() -> cells.refused(row, col + 1,
                        closenessRaw == null ? "" : closenessRaw, "not a closeness band (" + String.join(", ", Closeness.BANDS) + ")"));
                pairs.add(new Pair(la, k, neighbour, closeness, set));
                listed++;
            }
            if (listed == 0) without.add(cells.text(r, nameCol) + " (" + la + ")");
        }
        if (!without.isEmpty()) notes.add("no neighbours published for " + String.join(", ", without));
        if (pairs.isEmpty()) throw new LoadException(cells.file(), "no neighbour rows under the header");
        return pairs;
    }
}
