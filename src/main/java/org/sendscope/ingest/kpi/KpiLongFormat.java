package org.sendscope.ingest.kpi;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.sendscope.ingest.areas.EnglishRegions;
import org.sendscope.period.LocalPeriods;
import org.sendscope.period.Period;

/**
 * The long scorecard format: one value a row, columns found by name (any order, any case):
 * {@code kpi} (a catalogue code or a row label; also {@code measure}), {@code period}
 * ({@code Dec-23}, {@code 2022}, {@code HT3 23/24}, …), {@code value} ({@code 12.2%}, {@code 1,656},
 * {@code TBC}, …) and optionally {@code area} (blank for the LA given with {@code --area}; or
 * {@code england}, {@code region}, {@code statistical_neighbours}, or a GSS code), {@code target},
 * {@code direction} ({@code up}, {@code down}, {@code steady}) and {@code note} (not loaded).
 * Documented in sql/README.md.
 */
public final class KpiLongFormat {
    private KpiLongFormat() {
    }

    /** True when a header row names the long format's columns. */
    public static boolean isHeader(List<String> cells) {
        Map<String, Integer> c = columns(cells);
        return c.containsKey("kpi") && c.containsKey("period") && c.containsKey("value");
    }

    private static Map<String, Integer> columns(List<String> cells) {
        Map<String, Integer> m = new HashMap<>();
        for (int i = 0; i < cells.size(); i++) {
            String h = cells.get(i).trim().toLowerCase(Locale.ROOT);
            if (h.equals("measure")) h = "kpi";
            m.putIfAbsent(h, i);
        }
        return m;
    }

    /** Reads long-format rows (the first is the header) into the store. */
    public static List<String> read(List<KpiTable.Row> rows, String fileName, KpiCatalogue catalogue,
                                    KpiLoadContext ctx, KpiStore store) {
        Map<String, Integer> col = columns(rows.get(0).cells());
        String table = "long format";
        Map<String, KpiMeasure> defined = new HashMap<>();
        for (KpiTable.Row r : rows.subList(1, rows.size())) {
            String kpi = r.cell(col.get("kpi")).trim();
            String periodText = r.cell(col.get("period")).trim();
            String valueText = r.cell(col.get("value"));
            if (kpi.isEmpty() && periodText.isEmpty() && valueText.isBlank()) continue;
            if (kpi.isEmpty()) {
                store.reject(r.line(), "kpi", valueText, "no KPI named", table);
                continue;
            }
            KpiMeasure m = catalogue.byCode(kpi).or(() -> catalogue.match(kpi)).orElse(null);
            if (m == null) {
                m = defined.computeIfAbsent(kpi, k -> new KpiMeasure(KpiMeasure.localCode(k), k, null, "neutral", "local", null, null,
                        "Not in the KPI catalogue: defined from " + fileName + ".", List.of(k)));
                store.measure(m);
            }
            Optional<Period> period = LocalPeriods.parse(periodText);
            if (period.isEmpty()) {
                store.reject(r.line(), "period", periodText, "not a period", table);
                continue;
            }
            String areaText = col.containsKey("area") ? r.cell(col.get("area")).trim() : "";
            String[] area = area(areaText, ctx);
            if (area == null) {
                store.reject(r.line(), "area", areaText, "area must be blank, england, region, statistical_neighbours "
                        + "or a GSS code", table);
                continue;
            }
            KpiCell cell = KpiCell.parse(valueText);
            switch (cell.kind()) {
                case UNREADABLE -> store.reject(r.line(), "value", valueText, cell.reason(), table);
                case EMPTY -> store.reject(r.line(), "value", valueText, "no value (write TBC or n/a for a known gap)", table);
                default -> {
                    boolean benchmark = !area[0].equals(ctx.areaCode());
                    String measure = benchmark ? m.benchmarkCode() : m.code();
                    if (cell.rate()) measure = measure.endsWith("_rate") ? measure : measure + "_rate";
                    Period p = cell.ownPeriod() != null ? cell.ownPeriod() : period.get();
                    if (benchmark) p = KpiTableReader.censusIfJanuary(catalogue, measure, p);
                    String status = cell.kind() == KpiCell.Kind.NOT_APPLICABLE ? "n/a" : cell.status();
                    store.add(new KpiStore.Observation(area[0], area[1], area[2], measure, p, cell.value(), status,
                            r.line(), table));
                }
            }
            String targetText = col.containsKey("target") ? r.cell(col.get("target")).trim() : "";
            String dirText = col.containsKey("direction") ? r.cell(col.get("direction")).trim() : "";
            if (!targetText.isEmpty() || !dirText.isEmpty()) {
                KpiCell t = KpiCell.parse(targetText);
                if (t.kind() == KpiCell.Kind.UNREADABLE) {
                    store.reject(r.line(), "target", targetText, t.reason(), table);
                } else {
                    store.target(new KpiStore.Target(m.code(), ctx.areaCode(), t.value(), t.status(),
                            targetText.isEmpty() ? null : targetText, KpiTableReader.direction(dirText),
                            dirText.isEmpty() ? null : dirText, period.get(), period.get(), r.line(), table));
                }
            }
        }
        return new ArrayList<>(List.of(table));
    }

    /** [code, name, level] of an area column's value; null when unreadable. */
    private static String[] area(String text, KpiLoadContext ctx) {
        String t = text.toLowerCase(Locale.ROOT).replace(' ', '_');
        if (t.isEmpty() || t.equals(ctx.areaCode().toLowerCase(Locale.ROOT))) {
            return new String[] {ctx.areaCode(), ctx.areaName(), "local_authority"};
        }
        if (t.equals("england") || t.equals("national") || t.equals("e92000001")) {
            return new String[] {"E92000001", "England", "england"};
        }
        if (t.equals("statistical_neighbours") || t.equals("sn") || t.equals(ctx.neighboursCode().toLowerCase(Locale.ROOT))) {
            return new String[] {ctx.neighboursCode(), "Statistical neighbours of "
                    + (ctx.areaName() == null ? ctx.areaCode() : ctx.areaName()), "statistical_neighbours"};
        }
        if (t.equals("region")) return ctx.regionCode() == null ? null : new String[] {ctx.regionCode(), null, "region"};
        String named = EnglishRegions.region(text).map(EnglishRegions.Area::code).orElse(null);
        if (named != null) return new String[] {named, text.trim(), "region"};
        if (text.matches("E12\\d{6}")) return new String[] {text, null, "region"};
        if (text.matches("[EWSN]\\d{8}")) return new String[] {text, null, "local_authority"};
        return null;
    }
}
