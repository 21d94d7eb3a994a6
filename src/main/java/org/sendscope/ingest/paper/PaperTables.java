package org.sendscope.ingest.paper;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.sendscope.ingest.kpi.KpiHeader;
import org.sendscope.ingest.kpi.KpiTable;

/**
 * Finds the KPI tables in the text of a committee paper (text extracted from PDF, table cells
 * separated by tabs). A table is a header line with at least two period columns
 * ({@code Dec-23 Jan-24 …}, {@code Current Month Performance - Mar 24 … March 23},
 * {@code KPI  Sept 23  Oct 23}) followed by tab-separated rows, up to a blank line, a line without
 * tabs or the next header. A header whose period labels wrapped onto a second line
 * ({@code March | February | March} over {@code '23 | 24 | 24}) is joined first. Nothing here
 * knows any particular paper: this is the shape of a scorecard table.
 */
public final class PaperTables {
    private PaperTables() {
    }

    /** Every KPI table in the text, in order. */
    public static List<KpiTable> find(String text) {
        String[] lines = text.split("\r?\n", -1);
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
            while (j < lines.length && lines[j].indexOf('\t') >= 0 && !lines[j].isBlank()) {
                if (KpiHeader.read(cells(lines[j])).isPresent()) break;
                rows.add(new KpiTable.Row(j + 1, cells(lines[j])));
                j++;
            }
            tables.add(new KpiTable(caption(lines, i), i + 1, header.get(), rows));
            i = Math.max(j, i + headerLines);
        }
        return tables;
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
