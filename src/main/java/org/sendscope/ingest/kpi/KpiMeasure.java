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

    /** The measure a benchmark column's value belongs to: usually this one. */
    public String benchmarkCode() {
        return benchmarkMeasure == null || benchmarkMeasure.isBlank() ? code : benchmarkMeasure;
    }
}
