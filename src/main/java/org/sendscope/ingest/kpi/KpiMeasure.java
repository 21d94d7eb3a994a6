package org.sendscope.ingest.kpi;

import java.util.List;

/**
 * One local KPI as the catalogue defines it: its code, title, unit, polarity (the required
 * direction of travel), definition, the published measure it may be compared with, the measure a
 * paper's benchmark columns really report for it, and the row labels it goes by.
 */
public record KpiMeasure(String code, String title, String unit, String polarity, String topic,
                         String comparableWith, String benchmarkMeasure, String definition, List<String> variants) {

    /** True when values are percentages (stored as 0-100, as the papers print them). */
    public boolean isPercent() {
        return "percent".equals(unit);
    }

    /**
     * The code of a KPI the catalogue does not know, made from its label:
     * {@code "% waiting < 18 weeks"} → {@code local_pct_waiting_18_weeks} (at most 60 characters).
     */
    public static String localCode(String label) {
        String slug = label.toLowerCase(java.util.Locale.ROOT).replace("%", " pct ").replaceAll("[^a-z0-9]+", "_")
                .replaceAll("^_|_$", "");
        if (slug.isEmpty()) return "local_unnamed";
        String code = "local_" + slug;
        return code.length() > 60 ? code.substring(0, 60).replaceAll("_$", "") : code;
    }

    /** The measure a benchmark column's value belongs to: usually this one. */
    public String benchmarkCode() {
        return benchmarkMeasure == null || benchmarkMeasure.isBlank() ? code : benchmarkMeasure;
    }
}
