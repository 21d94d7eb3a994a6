package org.sendscope.report.scorecard;

import java.util.List;

/**
 * One KPI on the scorecard: its latest figure (the row {@code sendscope ask kpi_scorecard} gives),
 * its series up to the as-of date, target, RAG, direction of travel, and the England, region and
 * statistical-neighbour figures.
 *
 * @param key          a name for the detail page's file: the measure, with the period kind when a
 *                     measure has two series (monthly and half-termly)
 * @param latest       the headline figure: one of {@code series}
 * @param previous     the figure the direction of travel is against (one of {@code series}), or null
 * @param series       the whole series, oldest first
 * @param target       the target, or null
 * @param rag          {@code red}, {@code amber}, {@code green} or null
 * @param travel       {@code improving}, {@code worsening}, {@code flat}, {@code rising}, {@code falling} or null
 * @param requiredDirection {@code up}, {@code down}, {@code steady} or null
 * @param comparators  England, region and statistical neighbours, those there are
 * @param breakdowns   the parts of the latest period's figure (age, placement …), if published
 */
public record KpiRow(String key, Figure latest, Figure previous, List<Figure> series, Double target, String rag,
                     String travel, String requiredDirection, List<Figure> comparators, List<Figure> breakdowns) {

    public String measure() {
        return latest.measure();
    }

    public String title() {
        return latest.title();
    }

    /** The target in the measure's unit, e.g. "95.0%". */
    public String targetText() {
        return target == null ? null : FigureText.say(target, latest.unit());
    }

    /** RAG, unless the figure is hidden (a rating against a target would narrow a hidden value down). */
    public String shownRag() {
        return latest.isSuppressed() ? null : rag;
    }

    /** Direction of travel, unless either figure it compares is hidden. */
    public String shownTravel() {
        if (travel == null || previous == null) return null;
        return latest.isSuppressed() || previous.isSuppressed() ? null : travel;
    }

    /** Whether any figure on the row or its page is hidden. */
    public boolean anySuppressed() {
        return series.stream().anyMatch(Figure::isSuppressed) || comparators.stream().anyMatch(Figure::isSuppressed)
                || breakdowns.stream().anyMatch(Figure::isSuppressed);
    }
}
