package org.sendscope.ingest.kpi;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.sendscope.ingest.areas.EnglishRegions;
import org.sendscope.period.LocalPeriods;
import org.sendscope.period.Period;

/**
 * Reads the header row of a scorecard table: which column is the KPI label, which hold periods,
 * the target, the required direction and the benchmarks. The same reading serves committee papers
 * and analysts' spreadsheets, so a table is recognised by its shape (a row label followed by a run
 * of period columns), never by the words of one particular paper.
 */
public final class KpiHeader {
    private final List<KpiColumn> columns;
    private final int labelIndex;

    private KpiHeader(List<KpiColumn> columns, int labelIndex) {
        this.columns = columns;
        this.labelIndex = labelIndex;
    }

    public List<KpiColumn> columns() {
        return columns;
    }

    public int labelIndex() {
        return labelIndex;
    }

    /** The period columns' span: the table's values cover [first start, last end]. */
    public Optional<Period[]> span() {
        Period first = null;
        Period last = null;
        for (KpiColumn c : columns) {
            if (c.role() != KpiColumn.Role.PERIOD || c.period() == null || c.distrust() != null) continue;
            if (first == null || c.period().start().isBefore(first.start())) first = c.period();
            if (last == null || c.period().end().isAfter(last.end())) last = c.period();
        }
        return first == null ? Optional.empty() : Optional.of(new Period[] {first, last});
    }

    /** The index of the first column with this role, or -1. */
    public int indexOf(KpiColumn.Role role) {
        for (KpiColumn c : columns) if (c.role() == role) return c.index();
        return -1;
    }

    /**
     * Reads a header row, or returns empty when the row is not the header of a KPI table (fewer
     * than two period columns).
     */
    public static Optional<KpiHeader> read(List<String> cells) {
        return read(cells, 2);
    }

    /** Reads a header row that must have at least {@code minPeriods} period columns. */
    public static Optional<KpiHeader> read(List<String> cells, int minPeriods) {
        // a header names its columns in a few words; a row of prose with two dates in it (an action
        // plan's "Start Date | Due Date") is not one
        for (String c : cells) {
            String t = c == null ? "" : c.trim();
            if (isNotes(LocalPeriods.normalise(t))) continue; // "Notes and comparative data (England, …)" may be long
            if (t.length() > 60 || t.endsWith(".") && t.split("\\s+").length >= 4) return Optional.empty();
        }
        List<KpiColumn> cols = new ArrayList<>();
        int periods = 0;
        for (int i = 0; i < cells.size(); i++) {
            KpiColumn c = classify(i, cells.get(i));
            if (c.role() == KpiColumn.Role.PERIOD) periods++;
            cols.add(c);
        }
        if (periods < minPeriods) return Optional.empty();
        // "National | Autumn 22 (Rate)": a period header right after a benchmark without one is that
        // benchmark's period (the PDF split one header cell in two); both cells belong to the benchmark.
        for (int i = 1; i < cols.size(); i++) {
            KpiColumn prev = cols.get(i - 1);
            KpiColumn c = cols.get(i);
            if (c.role() == KpiColumn.Role.PERIOD && prev.role() == KpiColumn.Role.BENCHMARK && prev.period() == null) {
                boolean rate = c.header().toLowerCase(Locale.ROOT).contains("rate");
                cols.set(i - 1, prev.withBenchmark(prev.benchmark(), c.period(), rate || prev.rate()));
                cols.set(i, c.withBenchmark(prev.benchmark(), c.period(), rate || prev.rate()));
            }
        }
        int label = -1;
        for (KpiColumn c : cols) if (c.role() == KpiColumn.Role.LABEL) label = c.index();
        if (label < 0) {
            int anchor = -1;
            for (KpiColumn c : cols) {
                if (c.role() == KpiColumn.Role.DIRECTION || c.role() == KpiColumn.Role.PERIOD) {
                    anchor = c.index();
                    break;
                }
            }
            label = Math.max(0, anchor - 1);
            cols.set(label, cols.get(label).withRole(KpiColumn.Role.LABEL));
        }
        distrustRepeats(cols);
        return Optional.of(new KpiHeader(List.copyOf(cols), label));
    }

    /**
     * A header that repeats a period, or a second "Current …" column, was mistyped in the paper
     * (BCP's scorecard has "Current Month Performance - Feb 23" where it means the previous month):
     * its values are refused rather than filed under a period they do not belong to.
     */
    private static void distrustRepeats(List<KpiColumn> cols) {
        boolean currentSeen = false;
        for (int i = 0; i < cols.size(); i++) {
            KpiColumn c = cols.get(i);
            if (c.role() != KpiColumn.Role.PERIOD) continue;
            String h = c.header().toLowerCase(Locale.ROOT);
            if (h.contains("current")) {
                if (currentSeen) {
                    cols.set(i, c.distrusted("header '" + c.header().trim() + "' is a second 'Current' column: "
                            + "its period label cannot be trusted"));
                    continue;
                }
                currentSeen = true;
            }
            for (int j = 0; j < i; j++) {
                KpiColumn o = cols.get(j);
                if (o.role() == KpiColumn.Role.PERIOD && o.period() != null && c.period() != null
                        && o.period().start().equals(c.period().start()) && o.period().end().equals(c.period().end())) {
                    cols.set(i, c.distrusted("header '" + c.header().trim() + "' repeats the period of column "
                            + (j + 1) + " (a typing slip in the paper?)"));
                    break;
                }
            }
        }
    }

    static KpiColumn classify(int index, String header) {
        String h = LocalPeriods.normalise(header == null ? "" : header);
        String compact = h.replace(" ", "");
        // first: a notes column's header may quote a target, a benchmark or a period ("Notes (England 2023)")
        if (isNotes(h)) return new KpiColumn(index, header, KpiColumn.Role.NOTES, null, null, false, null);
        if (compact.contains("directionoftravel") || compact.equals("direction") || compact.equals("requireddirection")
                || compact.equals("dot")) {
            KpiColumn.Role r = compact.contains("required") || compact.equals("direction")
                    ? KpiColumn.Role.DIRECTION : KpiColumn.Role.IGNORED;
            return new KpiColumn(index, header, r, null, null, false, null);
        }
        if (h.contains("target")) return new KpiColumn(index, header, KpiColumn.Role.TARGET, null, null, false, null);
        KpiColumn.Benchmark b = benchmarkOf(h);
        if (b != null) {
            Period p = LocalPeriods.find(header).orElse(null);
            return new KpiColumn(index, header, KpiColumn.Role.BENCHMARK, p, b, h.contains("rate"), null);
        }
        if (h.equals("kpi no") || h.equals("kpi no.") || h.equals("no") || h.equals("no.") || h.equals("ref")
                || h.equals("kpi ref")) {
            return new KpiColumn(index, header, KpiColumn.Role.NUMBER, null, null, false, null);
        }
        if (h.matches("kpis?|area|measure|indicator|kpi name|key performance indicators?|performance indicator")) {
            return new KpiColumn(index, header, KpiColumn.Role.LABEL, null, null, false, null);
        }
        if (h.matches(".*\\b(difference|change|variance|movement)\\b.*")) {
            return new KpiColumn(index, header, KpiColumn.Role.IGNORED, null, null, false, null);
        }
        Optional<Period> p = LocalPeriods.find(header);
        // A data row whose cells carry periods ('47.7% (2022)') is not a header: outside its period, a
        // header cell has words only.
        if (p.isPresent() && !h.contains("section") && !h.contains("priority")
                && isPeriodHeader(header, p.get())) {
            return new KpiColumn(index, header, KpiColumn.Role.PERIOD, p.get(), null, false, null);
        }
        return new KpiColumn(index, header, KpiColumn.Role.IGNORED, null, null, false, null);
    }

    /**
     * A free-text column: notes, comments, commentary, narrative. Its cells quote figures in
     * passing ("up from 64% in March; England 50.3%") that are not the table's values.
     */
    static boolean isNotes(String normalisedHeader) {
        return normalisedHeader.matches("(notes?|comments?|commentary|narrative|remarks|explanation)\\b.*")
                || normalisedHeader.matches(".*\\b(notes|comments|commentary)\\b.*");
    }

    /** Outside its period a header has a few words and no figures ('Current Month Performance -'). */
    private static boolean isPeriodHeader(String header, Period p) {
        String rest = LocalPeriods.latin(header).replaceAll("\\s+", " ").replace(LocalPeriods.latin(p.label()), " ")
                .replaceAll("[()\\-–:]", " ").trim();
        return !rest.matches(".*[0-9%£].*") && (rest.isEmpty() || rest.split("\\s+").length <= 4);
    }

    static KpiColumn.Benchmark benchmarkOf(String h) {
        if (h.contains("national") || h.startsWith("england")) return KpiColumn.Benchmark.ENGLAND;
        if (h.contains("neighbour") || h.matches("sns?( .*)?|sn average.*")) return KpiColumn.Benchmark.STATISTICAL_NEIGHBOURS;
        if (h.startsWith("region") || h.contains("regional")) return KpiColumn.Benchmark.REGION;
        if (EnglishRegions.regionAtStartOf(h).isPresent()) return KpiColumn.Benchmark.REGION;
        return null;
    }

    /** The GSS code of the region a benchmark header names, or null for a plain "Region". */
    static String regionCode(String header) {
        return EnglishRegions.regionAtStartOf(LocalPeriods.normalise(header)).map(EnglishRegions.Area::code).orElse(null);
    }
}
