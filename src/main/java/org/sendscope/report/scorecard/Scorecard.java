package org.sendscope.report.scorecard;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Everything the published scorecard shows for one LA as at a date, read from the public views
 * ({@link ScorecardReader}) and put through disclosure control ({@link DisclosureControl}) before
 * {@link ScorecardSite} writes it.
 *
 * @param areaCode   the LA's GSS code
 * @param areaName   its name
 * @param asOf       figures for periods ending on or before this date
 * @param builtAt    when the site was built (ISO instant)
 * @param warehouse  the warehouse file it was built from, and its schema and views version
 * @param threshold  the disclosure threshold
 * @param priorities the KPIs, by improvement priority
 * @param actions    the action plan's summary, or null when no plan was chosen
 * @param sources    every load a figure came from
 * @param context    figures read only to decide suppression (a rate's counts), never shown
 */
public record Scorecard(String areaCode, String areaName, LocalDate asOf, String builtAt, String warehouse, int threshold,
                        List<PriorityGroup> priorities, ActionPlanSummary actions, List<LoadSource> sources,
                        List<Figure> context) {

    /** The as-of date as the page says it: "31 March 2024". */
    public String asOfWords() {
        return words(asOf);
    }

    /** Whether the plan's snapshot is dated after the as-of date (no earlier one was loaded). */
    public boolean actionsAfterAsOf() {
        return actions != null && actions.snapshot().isAfter(asOf);
    }

    /** A date as the page says it. */
    static String words(LocalDate d) {
        return d.format(java.time.format.DateTimeFormatter.ofPattern("d MMMM yyyy", java.util.Locale.UK));
    }

    /** Every KPI row, in page order. */
    public List<KpiRow> rows() {
        List<KpiRow> out = new ArrayList<>();
        for (PriorityGroup g : priorities) out.addAll(g.rows());
        return out;
    }

    /** Every figure the site shows, in page order: what the CSV lists. */
    public List<Figure> shownFigures() {
        List<Figure> out = new ArrayList<>();
        for (KpiRow r : rows()) {
            out.addAll(r.series());
            out.addAll(r.comparators());
            out.addAll(r.breakdowns());
        }
        return out;
    }

    /** Every figure disclosure control must look at: those shown and the context. */
    public List<Figure> allFigures() {
        List<Figure> out = shownFigures();
        out.addAll(context);
        return out;
    }

    /** How many shown figures are hidden as {@code c}. */
    public long suppressedCount() {
        return shownFigures().stream().filter(Figure::isSuppressed).count();
    }
}
