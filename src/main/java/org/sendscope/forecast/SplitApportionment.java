package org.sendscope.forecast;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.sendscope.warehouse.Warehouse;
import org.sendscope.warehouse.WarehouseException;

/**
 * Forecasts of an LA that split after the origin, given as its successors': every target January
 * from the first after the split goes to the successors in proportion to their shares of the DSG
 * allocation of the split's financial year, the first year each is funded on its own
 * (docs/decisions/0175). Only while no successor has a January of its own in the panel: once
 * SEN2 brings them, the successors are forecast from their own counts (docs/decisions/0041).
 */
public final class SplitApportionment {
    /** The measure whose shares apportion the predecessor. */
    public static final String SHARE_MEASURE = "dsg_allocation";
    /** The rule, as recorded with every apportioned forecast. */
    public static final String RULE = "predecessor's forecast times the successor's share of the total DSG allocation "
            + "of the split's financial year (docs/decisions/0175)";

    /** One successor's part of a split. */
    public record Share(String successorCode, String successorName, double allocation, double share)
            implements java.io.Serializable {
    }

    /**
     * A predecessor split on {@code splitDate}; {@code firstJanuary} is the first January census
     * taken after it, the first the successors own; {@code period} the financial year of the shares;
     * {@code missing} says why there are no shares (null when there are).
     */
    public record Split(String predecessorCode, String predecessorName, String splitDate, int firstJanuary,
            String period, List<Share> shares, String missing) implements java.io.Serializable {
        /** The share of successor {@code code}, or null when it is not one of this split's (or there are no shares). */
        public Share share(String code) {
            for (Share s : shares) if (s.successorCode().equals(code)) return s;
            return null;
        }
    }

    /**
     * The split whose successor is {@code code} (with or without shares), or null: {@code splits}
     * only lists splits whose successors have no January of their own yet.
     */
    public static Split splitOf(List<Split> splits, String code, Panel panel) {
        for (Split s : splits) {
            if (s.share(code) != null) return s;
            // without shares the successors are not listed in the split; the successions are
            for (Panel.Succession x : panel.successions()) {
                if (x.successor().equals(code) && x.predecessor().equals(s.predecessorCode())) return s;
            }
        }
        return null;
    }

    /**
     * The areas to fit for the areas asked: a successor without a January of its own is fitted as
     * its predecessor (once), whose forecast {@link #apply} then apportions.
     */
    public static List<String> areasToFit(List<Split> splits, List<String> asked, Panel panel) {
        List<String> out = new ArrayList<>();
        for (String c : asked) {
            Split s = splitOf(splits, c, panel);
            String fit = s == null ? c : s.predecessorCode();
            if (!out.contains(fit)) out.add(fit);
        }
        return out;
    }

    /**
     * A successor's history as this rule reads it: each of the predecessor's Januaries before the
     * split times the successor's share. For growth models forecasting this series is the same as
     * apportioning the predecessor's forecast, as a constant factor cancels in every growth rate.
     */
    public static YearSeries history(Split s, Share sh, Panel panel) {
        AreaHistory pred = panel.area(s.predecessorCode());
        java.util.TreeMap<Integer, Double> m = new java.util.TreeMap<>();
        if (pred != null) {
            pred.stock().toMap().forEach((y, v) -> {
                if (y < s.firstJanuary()) m.put(y, v * sh.share());
            });
        }
        return YearSeries.fromMap(m);
    }

    /** The sentence giving successor {@code sh}'s apportioned January at {@code origin} (its history, by this rule). */
    public static String historyNote(Split s, Share sh, Panel panel, int origin) {
        YearSeries h = history(s, sh, panel);
        int year = Math.min(origin, s.firstJanuary() - 1);
        return String.format("%s (%s) has no January of its own before %d: its history is %s's times %.1f%% (January %d: "
                + "%,.0f × %.1f%% = %,.0f plans).", sh.successorName(), sh.successorCode(), s.firstJanuary(),
                s.predecessorName(), 100 * sh.share(), year, panel.area(s.predecessorCode()).stock().get(year),
                100 * sh.share(), h.get(year));
    }

    private static final String SPLITS_SQL = """
            SELECT s.area_code, p.name, s.successor_code, a.name, a.valid_from
            FROM area_split s JOIN areas p ON p.area_code = s.area_code JOIN areas a ON a.area_code = s.successor_code
            WHERE a.valid_from IS NOT NULL ORDER BY s.area_code, s.successor_code""";
    private static final String ALLOCATION_SQL = """
            SELECT o.value, o.period_label FROM observations o
            WHERE o.area_code = ? AND o.measure = ? AND o.breakdown = 'total' AND o.period_kind = 'financial_year'
              AND o.period_start = ? AND o.value IS NOT NULL""";

    private SplitApportionment() {
    }

    /** One successor of a split predecessor, with the names and the successor's first day. */
    public record Successor(String predecessorCode, String predecessorName, String successorCode, String successorName,
            java.time.LocalDate validFrom) implements java.io.Serializable {
    }

    /** A successor's {@link #SHARE_MEASURE} in the financial year starting on a date, with its period label. */
    public record Allocation(double value, String period) implements java.io.Serializable {
    }

    /**
     * The splits whose successors have no January in {@code panel} yet but whose predecessor has,
     * with the successors' shares (none, and why, when the warehouse lacks an allocation of a successor).
     */
    public static List<Split> splits(Warehouse w, Panel panel) {
        List<Successor> rows = new ArrayList<>();
        try (PreparedStatement p = w.connection().prepareStatement(SPLITS_SQL); ResultSet rs = p.executeQuery()) {
            while (rs.next()) {
                rows.add(new Successor(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getDate(5).toLocalDate()));
            }
        } catch (SQLException e) {
            throw new WarehouseException("reading the LA splits: " + e.getMessage(), e);
        }
        return splits(rows, (code, from) -> allocation(w, code, from), panel);
    }

    /**
     * The splits of {@code rows} (every successor of each split predecessor) as {@link #splits(Warehouse, Panel)}
     * reads them, with each successor's allocation from {@code allocations} (null when there is none):
     * the one rule, for the warehouse and for a Spark job's inputs. A successor that also succeeds
     * another LA (Dorset county's part of BCP) is a merger, not a split: that split is left out.
     */
    public static List<Split> splits(List<Successor> rows,
            java.util.function.BiFunction<String, java.time.LocalDate, Allocation> allocations, Panel panel) {
        Map<String, List<Successor>> byPred = new LinkedHashMap<>();
        for (Successor r : rows) byPred.computeIfAbsent(r.predecessorCode(), k -> new ArrayList<>()).add(r);
        List<Split> out = new ArrayList<>();
        for (List<Successor> group : byPred.values()) {
            Successor first = group.get(0);
            AreaHistory pred = panel.area(first.predecessorCode());
            if (pred == null || pred.stock().isEmpty()) continue;
            boolean successorsReport = group.stream().anyMatch(r -> panel.area(r.successorCode()) != null
                    && !panel.area(r.successorCode()).stock().isEmpty());
            if (successorsReport) continue;
            boolean merged = group.stream().anyMatch(r -> panel.successions().stream().anyMatch(x ->
                    x.successor().equals(r.successorCode()) && !x.predecessor().equals(r.predecessorCode())));
            if (merged) continue;
            List<Share> shares = new ArrayList<>();
            double sum = 0;
            String period = null;
            String missing = null;
            java.sql.Date from = java.sql.Date.valueOf(first.validFrom());
            for (Successor r : group) {
                Allocation v = allocations.apply(r.successorCode(), r.validFrom());
                if (v == null) {
                    missing = String.format("%s (%s) split on %s but the warehouse has no %s for %s (%s) in the financial "
                            + "year from %s: it is forecast as one LA beyond the split (load the DSG allocations with sendscope load dsg "
                            + "to forecast its successors).",
                            first.predecessorName(), first.predecessorCode(), first.validFrom(), SHARE_MEASURE,
                            r.successorName(), r.successorCode(), r.validFrom());
                    shares = null;
                    break;
                }
                shares.add(new Share(r.successorCode(), r.successorName(), v.value(), 0));
                sum += v.value();
                period = v.period();
            }
            if (shares == null) {
                out.add(new Split(first.predecessorCode(), first.predecessorName(), first.validFrom().toString(),
                        firstJanuaryAfter(from), null, List.of(), missing));
                continue;
            }
            List<Share> scaled = new ArrayList<>();
            for (Share s : shares) scaled.add(new Share(s.successorCode(), s.successorName(), s.allocation(), s.allocation() / sum));
            out.add(new Split(first.predecessorCode(), first.predecessorName(), first.validFrom().toString(),
                    firstJanuaryAfter(from), period, List.copyOf(scaled), null));
        }
        return out;
    }

    /**
     * The successors' shares a forecast of {@code areaCode} for January {@code targetYear} goes to,
     * or null when it stays the area's own (no split, before the split, or a split without shares).
     */
    public static List<Share> sharesFor(List<Split> splits, String areaCode, int targetYear) {
        for (Split s : splits) {
            if (s.predecessorCode().equals(areaCode)) {
                return targetYear < s.firstJanuary() || s.shares().isEmpty() ? null : s.shares();
            }
        }
        return null;
    }

    /**
     * {@code rows} with each split predecessor's forecasts for Januaries from the split on replaced
     * by its successors' (point, intervals, Monte Carlo figures and parts times the share, the rule
     * and its inputs in the parameters); a split without shares stays one LA. A line per split
     * forecast beyond for {@code notes}.
     */
    public static List<IntervalForecast> apply(List<Split> splits, List<IntervalForecast> rows, List<String> notes) {
        Map<String, Split> byPred = new LinkedHashMap<>();
        for (Split s : splits) byPred.put(s.predecessorCode(), s);
        List<IntervalForecast> out = new ArrayList<>();
        java.util.Set<String> said = new java.util.HashSet<>();
        for (IntervalForecast r : rows) {
            Split s = byPred.get(r.areaCode());
            if (s == null || r.targetYear() < s.firstJanuary()) {
                out.add(r);
                continue;
            }
            if (s.shares().isEmpty()) {
                out.add(r);
                if (said.add(s.predecessorCode())) notes.add(s.missing());
                continue;
            }
            for (Share sh : s.shares()) out.add(share(r, s, sh));
            if (said.add(s.predecessorCode())) notes.add(note(s));
        }
        return out;
    }

    /** The sentence saying how a split's successors were forecast. */
    public static String note(Split s) {
        StringBuilder b = new StringBuilder();
        for (Share sh : s.shares()) {
            if (b.length() > 0) b.append(" and ");
            b.append(String.format("%s (%s) %.1f%%", sh.successorName(), sh.successorCode(), 100 * sh.share()));
        }
        return String.format("%s (%s) split on %s: January %d on is forecast as %s of its forecast, their shares of the "
                + "%s DSG allocation (docs/decisions/0175).", s.predecessorName(), s.predecessorCode(), s.splitDate(),
                s.firstJanuary(), b, s.period());
    }

    private static IntervalForecast share(IntervalForecast r, Split s, Share sh) {
        double k = sh.share();
        Map<String, Object> params = new LinkedHashMap<>(r.parameters());
        params.put("apportioned_from", s.predecessorCode());
        params.put("apportion_rule", RULE);
        params.put("apportion_share", k);
        params.put("apportion_measure", SHARE_MEASURE);
        params.put("apportion_period", s.period());
        Map<String, Object> inputs = new LinkedHashMap<>();
        for (Share o : s.shares()) inputs.put(o.successorCode(), o.allocation());
        params.put("apportion_allocations_gbp", inputs);
        params.put("split_date", s.splitDate());
        Map<String, Double> parts = new LinkedHashMap<>();
        r.parts().forEach((name, v) -> parts.put(name, v * k));
        return new IntervalForecast(sh.successorCode(), sh.successorName(), r.origin(), r.targetYear(), r.horizon(),
                r.model(), r.selection(), r.point() * k, r.lo80() * k, r.hi80() * k, r.lo95() * k, r.hi95() * k,
                r.mcMean() == null ? null : r.mcMean() * k, r.mcStdError() == null ? null : r.mcStdError() * k,
                params, parts);
    }

    /** The first January census after {@code from} (a split on 1 April 2023 → January 2024). */
    static int firstJanuaryAfter(java.sql.Date from) {
        java.time.LocalDate d = from.toLocalDate();
        return d.getDayOfYear() == 1 ? d.getYear() : d.getYear() + 1;
    }

    /** The allocation and its period label, or null when the warehouse has none. */
    private static Allocation allocation(Warehouse w, String code, java.time.LocalDate from) {
        try (PreparedStatement p = w.connection().prepareStatement(ALLOCATION_SQL)) {
            p.setString(1, code);
            p.setString(2, SHARE_MEASURE);
            p.setDate(3, java.sql.Date.valueOf(from));
            try (ResultSet rs = p.executeQuery()) {
                return rs.next() ? new Allocation(rs.getDouble(1), rs.getString(2)) : null;
            }
        } catch (SQLException e) {
            throw new WarehouseException("reading " + SHARE_MEASURE + " of " + code + ": " + e.getMessage(), e);
        }
    }
}
