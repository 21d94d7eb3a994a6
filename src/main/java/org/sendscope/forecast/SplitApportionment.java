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
    public record Share(String successorCode, String successorName, double allocation, double share) {
    }

    /**
     * A predecessor split on {@code splitDate}; {@code firstJanuary} is the first January census
     * taken after it, the first the successors own; {@code period} the financial year of the shares;
     * {@code missing} says why there are no shares (null when there are).
     */
    public record Split(String predecessorCode, String predecessorName, String splitDate, int firstJanuary,
            String period, List<Share> shares, String missing) {
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

    /**
     * The splits whose successors have no January in {@code panel} yet but whose predecessor has,
     * with the successors' shares (none, and why, when the warehouse lacks an allocation of a successor).
     */
    public static List<Split> splits(Warehouse w, Panel panel) {
        record Row(String pred, String predName, String succ, String succName, java.sql.Date from) {
        }
        List<Row> rows = new ArrayList<>();
        try (PreparedStatement p = w.connection().prepareStatement(SPLITS_SQL); ResultSet rs = p.executeQuery()) {
            while (rs.next()) rows.add(new Row(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getDate(5)));
        } catch (SQLException e) {
            throw new WarehouseException("reading the LA splits: " + e.getMessage(), e);
        }
        Map<String, List<Row>> byPred = new LinkedHashMap<>();
        for (Row r : rows) byPred.computeIfAbsent(r.pred(), k -> new ArrayList<>()).add(r);
        List<Split> out = new ArrayList<>();
        for (List<Row> group : byPred.values()) {
            Row first = group.get(0);
            AreaHistory pred = panel.area(first.pred());
            if (pred == null || pred.stock().isEmpty()) continue;
            boolean successorsReport = group.stream().anyMatch(r -> panel.area(r.succ()) != null
                    && !panel.area(r.succ()).stock().isEmpty());
            if (successorsReport) continue;
            List<Share> shares = new ArrayList<>();
            double sum = 0;
            String period = null;
            String missing = null;
            for (Row r : group) {
                Object[] v = allocation(w, r.succ(), r.from());
                if (v == null) {
                    missing = String.format("%s (%s) split on %s but the warehouse has no %s for %s (%s) in the financial "
                            + "year from %s: it is forecast as one LA beyond the split (load the DSG allocations with sendscope load dsg "
                            + "to forecast its successors).",
                            first.predName(), first.pred(), first.from(), SHARE_MEASURE, r.succName(), r.succ(), r.from());
                    shares = null;
                    break;
                }
                shares.add(new Share(r.succ(), r.succName(), (double) v[0], 0));
                sum += (double) v[0];
                period = (String) v[1];
            }
            if (shares == null) {
                out.add(new Split(first.pred(), first.predName(), first.from().toString(), firstJanuaryAfter(first.from()),
                        null, List.of(), missing));
                continue;
            }
            List<Share> scaled = new ArrayList<>();
            for (Share s : shares) scaled.add(new Share(s.successorCode(), s.successorName(), s.allocation(), s.allocation() / sum));
            out.add(new Split(first.pred(), first.predName(), first.from().toString(), firstJanuaryAfter(first.from()),
                    period, List.copyOf(scaled), null));
        }
        return out;
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
    private static Object[] allocation(Warehouse w, String code, java.sql.Date from) {
        try (PreparedStatement p = w.connection().prepareStatement(ALLOCATION_SQL)) {
            p.setString(1, code);
            p.setString(2, SHARE_MEASURE);
            p.setDate(3, from);
            try (ResultSet rs = p.executeQuery()) {
                return rs.next() ? new Object[] {rs.getDouble(1), rs.getString(2)} : null;
            }
        } catch (SQLException e) {
            throw new WarehouseException("reading " + SHARE_MEASURE + " of " + code + ": " + e.getMessage(), e);
        }
    }
}
