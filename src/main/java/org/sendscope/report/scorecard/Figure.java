package org.sendscope.report.scorecard;

import java.time.LocalDate;
import java.util.Locale;

/**
 * One figure the scorecard shows: a value (or a published marker such as {@code tbc}) of a measure
 * for an area and a period, with where it came from. Disclosure control ({@link DisclosureControl})
 * may mark it suppressed before anything is written; from then on every page, chart and the CSV
 * show {@code c} in its place and nothing derived from its value.
 */
public final class Figure {
    /** What the figure is on the page. */
    public enum Role {
        /** a value of the LA's own series (the latest one is the KPI's headline) */
        VALUE("value"),
        /** England's figure for the measure */
        ENGLAND("england"),
        /** the LA's region */
        REGION("region"),
        /** the LA's statistical neighbours */
        STATISTICAL_NEIGHBOURS("statistical_neighbours"),
        /** one part of a breakdown of the latest period (age band, placement, …) */
        BREAKDOWN("breakdown"),
        /** read to decide suppression (a rate's numerator or denominator) and never shown */
        CONTEXT("context");

        private final String code;

        Role(String code) {
            this.code = code;
        }

        /** As the CSV's {@code role} column has it. */
        public String code() {
            return code;
        }
    }

    /** Why a figure is hidden. */
    public enum Suppression {
        NONE, PRIMARY, SECONDARY
    }

    private final String measure;
    private final String title;
    private final String unit;
    private final String areaCode;
    private final String areaName;
    private final Role role;
    private final String breakdown;
    private final String periodKind;
    private final String periodLabel;
    private final LocalDate periodEnd;
    private final Double value;
    private final String status;
    private final String source;
    private final String vintage;
    private final Long loadId;
    private Suppression suppression = Suppression.NONE;
    private String suppressionReason;

    public Figure(String measure, String title, String unit, String areaCode, String areaName, Role role,
                  String breakdown, String periodKind, String periodLabel, LocalDate periodEnd, Double value,
                  String status, String source, String vintage, Long loadId) {
        this.measure = measure;
        this.title = title == null ? measure : title;
        this.unit = unit;
        this.areaCode = areaCode;
        this.areaName = areaName;
        this.role = role;
        this.breakdown = breakdown == null ? "total" : breakdown;
        this.periodKind = periodKind;
        this.periodLabel = periodLabel;
        this.periodEnd = periodEnd;
        this.value = value;
        this.status = value == null && status == null ? "x" : status;
        this.source = source;
        this.vintage = vintage;
        this.loadId = loadId;
    }

    public String measure() { return measure; }
    public String title() { return title; }
    public String unit() { return unit; }
    public String areaCode() { return areaCode; }
    public String areaName() { return areaName; }
    public Role role() { return role; }
    public String breakdown() { return breakdown; }
    public String periodKind() { return periodKind; }
    public String periodLabel() { return periodLabel; }
    public LocalDate periodEnd() { return periodEnd; }
    public String source() { return source; }
    public String vintage() { return vintage; }
    public Long loadId() { return loadId; }

    /** The value as loaded, whatever disclosure control decided: for the rules only, never for output. */
    Double rawValue() {
        return value;
    }

    /** Whether the figure is a count of people or cases (the threshold applies to it directly). */
    public boolean isCount() {
        if ("count".equals(unit)) return true;
        return unit == null && measure.endsWith("_n");
    }

    /** Whether the figure is a rate or percentage (suppressed when its numerator or denominator is small). */
    public boolean isRate() {
        return "percent".equals(unit) || "rate".equals(unit) || measure.endsWith("_rate") || measure.endsWith("_pct");
    }

    /** Marks the figure hidden (a later primary reason does not downgrade to secondary). */
    void suppress(Suppression why, String reason) {
        if (suppression == Suppression.PRIMARY) return;
        if (suppression == Suppression.SECONDARY && why == Suppression.SECONDARY) return;
        suppression = why;
        suppressionReason = reason;
    }

    public boolean isSuppressed() {
        return suppression != Suppression.NONE;
    }

    public Suppression suppression() {
        return suppression;
    }

    /** A sentence saying why the figure is shown as {@code c} (for the footnote). */
    public String suppressionReason() {
        return suppressionReason;
    }

    /** The value to publish: NULL when suppressed or not reported. */
    public Double shownValue() {
        return isSuppressed() ? null : value;
    }

    /** Whether a number is shown. */
    public boolean hasValue() {
        return shownValue() != null;
    }

    /** The status to publish: {@code c} when suppressed, else as loaded ({@code reported}, {@code tbc}, …). */
    public String shownStatus() {
        return isSuppressed() ? "c" : status;
    }

    /** The figure in words for the page: "67.1%", "1,030", "£3,900,000", or the marker ("c", "tbc"). */
    public String text() {
        Double v = shownValue();
        if (v == null) return markerText(shownStatus());
        return FigureText.say(v, unit);
    }

    /** The value as the CSV has it: plain digits, empty when suppressed or not reported. */
    public String csvValue() {
        Double v = shownValue();
        if (v == null) return "";
        if (v == Math.rint(v) && Math.abs(v) < 1e15) return Long.toString(v.longValue());
        return String.format(Locale.ROOT, "%s", v);
    }

    private static String markerText(String status) {
        return switch (status == null ? "" : status) {
            case "c" -> "c";
            case "tbc" -> "TBC";
            case "awaiting_data" -> "awaiting data";
            case "being_scoped" -> "being scoped";
            case "not_available", "x" -> "not available";
            case "z", "n/a" -> "not applicable";
            default -> status;
        };
    }

    @Override
    public String toString() {
        return measure + " " + areaCode + " " + breakdown + " " + periodLabel + " = " + value
                + (isSuppressed() ? " (suppressed)" : "");
    }
}
