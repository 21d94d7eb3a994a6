package org.sendscope.ingest.paper;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.sendscope.ingest.kpi.KpiCell;
import org.sendscope.ingest.kpi.KpiColumn;
import org.sendscope.ingest.kpi.KpiHeader;
import org.sendscope.ingest.kpi.KpiTable;

/**
 * Finds the KPI tables in the text of a committee paper (text extracted from PDF, table cells
 * separated by tabs). A table is a header line with at least two period columns
 * ({@code Dec-23 Jan-24 …}, {@code Current Month Performance - Mar 24 … March 23},
 * {@code KPI  Sept 23  Oct 23}) followed by tab-separated rows, up to a blank line, a line without
 * tabs or the next header. A table broken by a blank line or a page break (form feed, page number,
 * running head) without its header repeated goes on when the rows after the break have its shape
 * (see {@link #continuation}). A header whose period labels wrapped onto a second line
 * ({@code March | February | March} over {@code '23 | 24 | 24}) is joined first. Nothing here
 * knows any particular paper: this is the shape of a scorecard table.
 */
public final class PaperTables {
    private PaperTables() {
    }

    /** Every KPI table in the text, in order. */
    public static List<KpiTable> find(String text) {
        String[] lines = text.split("\r?\n", -1);
        // a form feed marks a new page (pdftotext puts it before the page's first line): a break, not text
        for (int k = 0; k < lines.length; k++) if (lines[k].indexOf('\f') >= 0) lines[k] = lines[k].replace("\f", "");
        PageFurniture furniture = PageFurniture.of(lines);
        List<KpiTable> tables = new ArrayList<>();
        int i = 0;
        while (i < lines.length) {
            Optional<KpiHeader> header = Optional.empty();
            int headerLines = 1;
            if (lines[i].indexOf('\t') >= 0) {
                header = KpiHeader.read(cells(lines[i]));
                if (header.isEmpty() && i + 1 < lines.length && isYearLine(lines[i + 1])) {
                    header = KpiHeader.read(joined(cells(lines[i]), cells(lines[i + 1])));
                    headerLines = 2;
                }
            }
            if (header.isEmpty()) {
                i++;
                continue;
            }
            int j = i + headerLines;
            int blanks = 0;
            while (j < lines.length && lines[j].isBlank() && blanks < 2) {
                j++;
                blanks++;
            }
            List<KpiTable.Row> rows = new ArrayList<>();
            j = readRows(lines, j, rows);
            if (rows.isEmpty()) {
                // the header at the foot of a page, its rows on the next
                int next = continuation(lines, j, header.get(), cells(lines[i]).size(), rows, furniture);
                if (next >= 0) j = readRows(lines, next, rows);
            }
            // a blank line or a page break inside the table, the header not repeated: go on while the rows keep its shape
            for (int next; !rows.isEmpty() && (next = continuation(lines, j, header.get(), cells(lines[i]).size(), rows,
                    furniture)) >= 0; ) {
                j = readRows(lines, next, rows);
            }
            tables.add(new KpiTable(caption(lines, i), i + 1, header.get(), rows));
            i = Math.max(j, i + headerLines);
        }
        return tables;
    }

    /** Reads tab-separated rows from {@code from} up to a blank line, a line without tabs or the next header. */
    private static int readRows(String[] lines, int from, List<KpiTable.Row> rows) {
        int j = from;
        while (j < lines.length && lines[j].indexOf('\t') >= 0 && !lines[j].isBlank()) {
            if (KpiHeader.read(cells(lines[j])).isPresent()) break;
            rows.add(new KpiTable.Row(j + 1, cells(lines[j])));
            j++;
        }
        return j;
    }

    /** At most this many lines between a table's last row on one page and its first on the next. */
    private static final int MAX_BREAK = 8;

    /**
     * Where the table goes on after the rows that ended at {@code end}, or -1. It goes on after
     * blank lines, page numbers and running heads or feet only, and only into rows of its own
     * shape: about as many cells as its header or its rows so far (reaching its first value column,
     * at most one more than its widest row), a label, and under its period, target and benchmark
     * columns values or status words rather than text. Prose, a new header or a table of
     * another shape ends it.
     */
    private static int continuation(String[] lines, int end, KpiHeader header, int headerCells, List<KpiTable.Row> rows,
                                    PageFurniture furniture) {
        int k = end;
        while (k < lines.length && k - end < MAX_BREAK && (lines[k].isBlank() || furniture.isFurniture(lines[k]))) k++;
        if (k == end || k >= lines.length || k - end >= MAX_BREAK) return -1;
        if (lines[k].indexOf('\t') < 0 || KpiHeader.read(cells(lines[k])).isPresent()) return -1;
        // as wide as the table, give or take the trailing empty cells some extractions drop and a cell of notes
        int width = cells(lines[k]).size();
        int widest = Math.max(headerCells, rows.stream().mapToInt(r -> r.cells().size()).max().orElse(0));
        if (width <= firstValueColumn(header) || width > widest + 1) return -1;
        boolean labelled = false;
        for (int m = k; m < lines.length && lines[m].indexOf('\t') >= 0 && !lines[m].isBlank(); m++) {
            List<String> c = cells(lines[m]);
            if (c.size() <= firstValueColumn(header) || c.size() > widest + 1 || KpiHeader.read(c).isPresent()) return -1;
            String label = header.labelIndex() < c.size() ? c.get(header.labelIndex()) : "";
            labelled |= label.codePoints().filter(Character::isLetter).count() >= 2;
            int readable = 0;
            int text = 0;
            for (KpiColumn col : header.columns()) {
                if (!col.holdsValues() && col.role() != KpiColumn.Role.TARGET) continue;
                KpiCell.Kind kind = KpiCell.parse(col.index() < c.size() ? c.get(col.index()) : "").kind();
                if (kind == KpiCell.Kind.UNREADABLE) text++;
                else if (kind != KpiCell.Kind.EMPTY) readable++;
            }
            if (readable + text == 0) continue; // a section heading or a label wrapped onto a line of its own
            return labelled && readable > text ? k : -1;
        }
        return -1;
    }

    private static int firstValueColumn(KpiHeader header) {
        return header.columns().stream().filter(c -> c.holdsValues() || c.role() == KpiColumn.Role.TARGET)
                .mapToInt(KpiColumn::index).min().orElse(0);
    }

    static List<String> cells(String line) {
        return Arrays.asList(line.split("\t", -1));
    }

    /** A line of year fragments under month names: {@code '23  24  24}. */
    private static boolean isYearLine(String line) {
        if (line.indexOf('\t') < 0) return false;
        int years = 0;
        for (String c : cells(line)) {
            String t = c.trim();
            if (t.isEmpty()) continue;
            if (t.matches("'?\\d{2}|\\d{4}")) years++;
            else if (!t.startsWith("(")) return false;
        }
        return years >= 2;
    }

    private static List<String> joined(List<String> a, List<String> b) {
        List<String> out = new ArrayList<>();
        for (int k = 0; k < Math.max(a.size(), b.size()); k++) {
            String x = k < a.size() ? a.get(k).trim() : "";
            String y = k < b.size() ? b.get(k).trim() : "";
            out.add((x + " " + y).trim());
        }
        return out;
    }

    /** The nearest text above the header, for reports. */
    private static String caption(String[] lines, int header) {
        for (int k = header - 1; k >= Math.max(0, header - 6); k--) {
            String t = lines[k].replace('\t', ' ').trim().replaceAll("\\s+", " ");
            if (t.isEmpty()) continue;
            return t.length() > 60 ? t.substring(0, 57) + "..." : t;
        }
        return "";
    }
}
