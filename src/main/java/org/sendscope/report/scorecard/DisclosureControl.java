package org.sendscope.report.scorecard;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Statistical disclosure control for the published scorecard, applied to every figure before
 * anything is written (docs/decisions/0181):
 * <ol>
 * <li>primary: a count from 1 to {@code threshold − 1}; a rate whose numerator or denominator is;</li>
 * <li>rates: a rate shown beside a hidden numerator and a shown denominator (or the other way round)
 *     would give the hidden count back, so it is hidden too;</li>
 * <li>totals: in a total and its parts, either nothing is hidden or at least two cells are and the
 *     hidden cells add up to at least the threshold (so no hidden cell is known to be small); the
 *     smallest shown part is hidden next, the total when no part is left;</li>
 * <li>cumulative series: the difference of two shown values of a year-to-date series is one
 *     period's count, so a value whose rise since the last shown value is below the threshold is
 *     hidden.</li>
 * </ol>
 * The rules run until nothing changes. Zeros are shown: a true zero names no one.
 */
public final class DisclosureControl {
    /** The threshold when none is given: counts below 5 are hidden. */
    public static final int DEFAULT_THRESHOLD = 5;

    private final int threshold;
    private final DisclosureRules rules;

    public DisclosureControl(int threshold, DisclosureRules rules) {
        if (threshold < 1) throw new IllegalArgumentException("the disclosure threshold must be 1 or more, not " + threshold);
        this.threshold = threshold;
        this.rules = rules;
    }

    /** The rules that say which figures are counts and which counts a rate is made of. */
    public DisclosureRules rules() {
        return rules;
    }

    public int threshold() {
        return threshold;
    }

    /** Marks every figure that must not be published; returns how many are hidden. */
    public int apply(List<Figure> figures) {
        Map<String, List<Figure>> byCell = new LinkedHashMap<>();
        for (Figure f : figures) byCell.computeIfAbsent(cellKey(f, f.measure()), k -> new ArrayList<>()).add(f);
        for (Figure f : figures) primary(f, byCell);
        boolean changed = true;
        for (int round = 0; changed && round < 1000; round++) {
            changed = rates(figures, byCell) | totals(figures) | cumulative(figures);
        }
        return (int) figures.stream().filter(Figure::isSuppressed).count();
    }

    private boolean small(Double v) {
        return v != null && v > 0 && v < threshold;
    }

    private void primary(Figure f, Map<String, List<Figure>> byCell) {
        if (f.isCount() && small(f.rawValue())) {
            f.suppress(Figure.Suppression.PRIMARY, "fewer than " + threshold);
        } else if (f.isRate() && f.rawValue() != null) {
            for (Figure count : behind(f, byCell)) {
                if (small(count.rawValue())) {
                    f.suppress(Figure.Suppression.PRIMARY, "made from a count of fewer than " + threshold);
                }
            }
        }
    }

    private boolean rates(List<Figure> figures, Map<String, List<Figure>> byCell) {
        boolean changed = false;
        for (Figure rate : figures) {
            if (!rate.isRate() || rate.isSuppressed() || rate.rawValue() == null) continue;
            for (Figure count : behind(rate, byCell)) {
                if (count.isSuppressed() && count.role() != Figure.Role.CONTEXT) {
                    rate.suppress(Figure.Suppression.SECONDARY, "it would give a hidden count back");
                    changed = true;
                    break;
                }
            }
        }
        return changed;
    }

    private boolean totals(List<Figure> figures) {
        // A breakdown's parts (one dimension) with the same measure, area and period's total.
        Map<String, List<Figure>> groups = new LinkedHashMap<>();
        Map<String, Figure> totals = new LinkedHashMap<>();
        for (Figure f : figures) {
            if (f.rawValue() == null) continue;
            String period = f.measure() + "|" + f.areaCode() + "|" + f.periodKind() + "|" + f.periodLabel();
            if (f.role() == Figure.Role.BREAKDOWN) {
                String dimension = f.breakdown().contains(":") ? f.breakdown().substring(0, f.breakdown().indexOf(':')) : f.breakdown();
                groups.computeIfAbsent(period + "|" + dimension, k -> new ArrayList<>()).add(f);
            } else if ("total".equals(f.breakdown()) && f.role() != Figure.Role.CONTEXT) {
                totals.putIfAbsent(period, f);
            }
        }
        boolean changed = false;
        for (Map.Entry<String, List<Figure>> g : groups.entrySet()) {
            String period = g.getKey().substring(0, g.getKey().lastIndexOf('|'));
            List<Figure> cells = new ArrayList<>(g.getValue());
            Figure total = totals.get(period);
            if (total != null) cells.add(total);
            changed |= protect(cells, total);
        }
        return changed;
    }

    /** Hides further cells of one additive group until its hidden cells are safe. */
    private boolean protect(List<Figure> cells, Figure total) {
        boolean changed = false;
        while (true) {
            List<Figure> hidden = cells.stream().filter(Figure::isSuppressed).toList();
            if (hidden.isEmpty()) return changed;
            double hiddenSum = hidden.stream().filter(f -> f != total).mapToDouble(Figure::rawValue).sum();
            boolean safe = hidden.size() >= 2 && (total == null || total.isSuppressed() || hiddenSum >= threshold);
            if (safe) return changed;
            Figure next = cells.stream()
                    .filter(f -> !f.isSuppressed() && f != total && f.rawValue() > 0)
                    .min(Comparator.comparingDouble(Figure::rawValue))
                    .orElse(total != null && !total.isSuppressed() ? total : null);
            if (next == null) next = cells.stream().filter(f -> !f.isSuppressed()).findFirst().orElse(null);
            if (next == null) return changed;
            next.suppress(Figure.Suppression.SECONDARY, "it would give a hidden figure back from the total");
            changed = true;
        }
    }

    private boolean cumulative(List<Figure> figures) {
        Map<String, List<Figure>> series = new LinkedHashMap<>();
        for (Figure f : figures) {
            if (f.role() == Figure.Role.CONTEXT || !rules.isCumulative(f.measure()) || f.periodEnd() == null) continue;
            series.computeIfAbsent(f.measure() + "|" + f.areaCode() + "|" + f.breakdown() + "|" + f.periodKind(),
                    k -> new ArrayList<>()).add(f);
        }
        boolean changed = false;
        for (List<Figure> s : series.values()) {
            s.sort(Comparator.comparing(Figure::periodEnd));
            Double lastShown = null;
            for (Figure f : s) {
                if (f.rawValue() == null || f.isSuppressed()) continue;
                if (lastShown != null && small(f.rawValue() - lastShown)) {
                    f.suppress(Figure.Suppression.SECONDARY, "its rise on the last figure shown is fewer than " + threshold);
                    changed = true;
                } else {
                    lastShown = f.rawValue();
                }
            }
        }
        return changed;
    }

    /** The counts a rate is made from, for the same area, breakdown and period. */
    private List<Figure> behind(Figure rate, Map<String, List<Figure>> byCell) {
        List<Figure> out = new ArrayList<>();
        for (String m : rules.countsBehind(rate.measure())) {
            for (Figure f : byCell.getOrDefault(cellKey(rate, m), List.of())) {
                if (f != rate && f.isCount()) out.add(f);
            }
        }
        return out;
    }

    private static String cellKey(Figure f, String measure) {
        return measure + "|" + f.areaCode() + "|" + f.breakdown() + "|" + f.periodKind() + "|"
                + Objects.toString(f.periodLabel());
    }
}
