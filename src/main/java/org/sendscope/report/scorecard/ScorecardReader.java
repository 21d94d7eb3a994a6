package org.sendscope.report.scorecard;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import org.sendscope.analysis.ScrutinyAnswer;
import org.sendscope.analysis.ScrutinyQuestion;
import org.sendscope.warehouse.Warehouse;
import org.sendscope.warehouse.WarehouseException;

/**
 * Reads the scorecard of one LA as at a date from the public views, the same ones {@code sendscope
 * ask} and the notebooks read: the KPI rows are the answer to the scrutiny question
 * {@code kpi_scorecard}; their series come from {@code trend_of} (the body of {@code kpi_trend}),
 * benchmarks from {@code analysis_observations} and {@code latest_benchmarks}
 * ({@code benchmark_comparison}), the plan from {@code action_status_summary} and
 * {@code overdue_actions}, provenance from {@code loads}. Disclosure control is applied here, so
 * no caller ever holds an unprotected scorecard.
 */
public final class ScorecardReader {
    /** The scrutiny question whose rows are the scorecard's KPIs. */
    public static final String QUESTION = "kpi_scorecard";
    private static final String ENGLAND = "E92000001";

    private final Warehouse warehouse;
    private final DisclosureControl disclosure;

    /** A reader that protects what it reads with {@code disclosure}, by the rules that control holds. */
    public ScorecardReader(Warehouse warehouse, DisclosureControl disclosure) {
        this.warehouse = warehouse;
        this.disclosure = disclosure;
    }

    /**
     * The scorecard of {@code areaCode} for periods ending by {@code asOf}, with the action plan
     * {@code plan} (null: none) at {@code snapshot} (null: its latest snapshot on or before
     * {@code asOf}, else its first).
     */
    public Scorecard read(String areaCode, LocalDate asOf, String plan, LocalDate snapshot) throws SQLException {
        Connection c = warehouse.connection();
        String[] area = area(c, areaCode);
        String areaName = area[0];
        String region = area[1];

        ScrutinyAnswer answer = ScrutinyAnswer.of(warehouse, ScrutinyQuestion.named(QUESTION), areaCode, areaName, asOf);
        Map<String, String> units = units(c);
        Map<String, String> required = new LinkedHashMap<>();
        Map<String, List<Figure>> series = series(c, areaCode, asOf, required);
        Map<String, Integer> kinds = new LinkedHashMap<>();
        for (Map<String, Object> row : answer.rows()) kinds.merge((String) row.get("measure"), 1, Integer::sum);

        Set<String> measures = new TreeSet<>();
        for (Map<String, Object> row : answer.rows()) measures.add((String) row.get("measure"));
        Map<String, List<Figure>> comparators = comparators(c, areaCode, region, asOf, measures);
        Map<String, List<Figure>> breakdowns = breakdowns(c, areaCode, asOf, measures);

        List<KpiRow> rows = new ArrayList<>();
        for (Map<String, Object> row : answer.rows()) {
            String measure = (String) row.get("measure");
            String kind = (String) row.get("period_kind");
            String label = (String) row.get("period_label");
            List<Figure> s = series.getOrDefault(measure + "|" + kind, new ArrayList<>());
            Figure latest = s.stream().filter(f -> label.equals(f.periodLabel())).reduce((a, b) -> b).orElse(null);
            if (latest == null) {
                // the question's row is the series' point for its period; keep it even if trend_of disagrees
                latest = new Figure(measure, (String) row.get("say_title"), units.get(measure), areaCode, areaName,
                        Figure.Role.VALUE, "total", kind, label, null, number(row.get("value")), (String) row.get("status"),
                        (String) row.get("source"), (String) row.get("vintage"), longOrNull(row.get("load_id")));
                s.add(latest);
            }
            Figure previous = null;
            int i = s.indexOf(latest);
            if (i > 0 && row.get("previous_value") != null) previous = s.get(i - 1);
            String key = kinds.get(measure) > 1 ? measure + "-" + kind.replace('_', '-') : measure;
            List<Figure> comps = comparators.getOrDefault(measure, List.of()).stream()
                    .filter(f -> f.periodEnd() == null || !f.periodEnd().isAfter(asOf)).toList();
            List<Figure> parts = breakdowns.getOrDefault(measure + "|" + kind + "|" + label, List.of());
            rows.add(new KpiRow(key, latest, previous, List.copyOf(s), number(row.get("target")), (String) row.get("rag"),
                    (String) row.get("direction_of_travel"), required.get(measure + "|" + kind + "|" + label),
                    List.copyOf(comps), List.copyOf(parts)));
        }

        List<Figure> context = context(c, areaCode, asOf, rows);
        ActionPlanSummary actions = plan == null ? null : actions(c, plan, asOf, snapshot);
        Scorecard card = new Scorecard(areaCode, areaName, asOf, Instant.now().truncatedTo(ChronoUnit.SECONDS).toString(),
                warehouse.file() == null ? "in memory" : warehouse.file().toAbsolutePath().toString(),
                disclosure.threshold(), ScorecardLayout.standard().group(areaCode, rows), actions, List.of(), context);
        disclosure.apply(card.allFigures());
        return new Scorecard(card.areaCode(), card.areaName(), asOf, card.builtAt(), card.warehouse(), card.threshold(),
                card.priorities(), actions, sources(c, card, actions), context);
    }

    private static String[] area(Connection c, String code) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("SELECT name, region_code FROM areas WHERE area_code = ?")) {
            p.setString(1, code);
            try (ResultSet rs = p.executeQuery()) {
                if (!rs.next()) throw new WarehouseException("no area '" + code + "' in the warehouse");
                return new String[] {rs.getString(1), rs.getString(2)};
            }
        }
    }

    private static Map<String, String> units(Connection c) throws SQLException {
        Map<String, String> out = new LinkedHashMap<>();
        try (PreparedStatement p = c.prepareStatement("SELECT measure, unit FROM analysis_measures");
             ResultSet rs = p.executeQuery()) {
            while (rs.next()) out.put(rs.getString(1), rs.getString(2));
        }
        return out;
    }

    /** The LA's series of every measure and period kind (breakdown total), one figure per period. */
    private static Map<String, List<Figure>> series(Connection c, String areaCode, LocalDate asOf,
                                                    Map<String, String> required) throws SQLException {
        Map<String, List<Figure>> out = new LinkedHashMap<>();
        String sql = "SELECT measure, title, unit, area_code, area_name, period_kind, period_label, period_end, value, "
                + "status, source, vintage, load_id, required_direction FROM trend_of(?, NULL) "
                + "WHERE breakdown = 'total' AND period_end <= ? "
                + "ORDER BY measure, period_kind, period_start, period_end, (value IS NOT NULL), vintage, load_id";
        eachRow(c, sql, List.of(areaCode), asOf, null, rs -> {
            Figure f = figure(rs, Figure.Role.VALUE, "total");
            List<Figure> s = out.computeIfAbsent(f.measure() + "|" + f.periodKind(), k -> new ArrayList<>());
            // one figure per period: a value over a marker, the later vintage (the order above)
            if (!s.isEmpty() && Objects.equals(s.get(s.size() - 1).periodEnd(), f.periodEnd())) s.remove(s.size() - 1);
            s.add(f);
            required.put(f.measure() + "|" + f.periodKind() + "|" + f.periodLabel(), rs.getString("required_direction"));
        });
        return out;
    }

    /** England, the region and the statistical neighbours: each one's latest figure by the as-of date. */
    private static Map<String, List<Figure>> comparators(Connection c, String areaCode, String region, LocalDate asOf,
                                                         Set<String> measures) throws SQLException {
        Map<String, List<Figure>> out = new LinkedHashMap<>();
        if (measures.isEmpty()) return out;
        String sql = "SELECT * EXCLUDE (rn) FROM (SELECT " + FIGURE_COLUMNS + ", o.level, row_number() OVER "
                + "(PARTITION BY o.measure, o.area_code ORDER BY (o.value IS NULL), o.period_end DESC, o.vintage DESC) AS rn "
                + "FROM " + FIGURES + " WHERE o.area_code IN (?, ?, ?) AND o.breakdown = 'total' AND o.period_end <= ? "
                + "AND list_contains(?, o.measure)) WHERE rn = 1 "
                + "ORDER BY measure, CASE level WHEN 'england' THEN 1 WHEN 'region' THEN 2 ELSE 3 END";
        eachRow(c, sql, List.of(ENGLAND, region == null ? ENGLAND : region, "SN:" + areaCode), asOf, measures, rs -> {
            Figure.Role role = switch (rs.getString("level")) {
                case "england" -> Figure.Role.ENGLAND;
                case "region" -> Figure.Role.REGION;
                default -> Figure.Role.STATISTICAL_NEIGHBOURS;
            };
            out.computeIfAbsent(rs.getString("measure"), k -> new ArrayList<>()).add(figure(rs, role, "total"));
        });
        // The DfE statistical neighbours' mean (benchmark_comparison) where a paper gave none.
        String bench = "SELECT measure, title, unit, area_code, area_name, period_kind, period_label, period_end, sn_mean, "
                + "sn_n, source, vintage, load_id FROM latest_benchmarks(?, ?, ?, NULL) WHERE sn_mean IS NOT NULL";
        eachRow(c, bench, List.of(areaCode), asOf, measures, rs -> {
            List<Figure> l = out.computeIfAbsent(rs.getString("measure"), k -> new ArrayList<>());
            if (l.stream().anyMatch(f -> f.role() == Figure.Role.STATISTICAL_NEIGHBOURS)) return;
            l.add(new Figure(rs.getString("measure"), rs.getString("title"), rs.getString("unit"), "SN:" + areaCode,
                    "mean of " + rs.getInt("sn_n") + " statistical neighbours", Figure.Role.STATISTICAL_NEIGHBOURS,
                    "total", rs.getString("period_kind"), rs.getString("period_label"),
                    rs.getDate("period_end").toLocalDate(), rs.getDouble("sn_mean"), "reported",
                    "benchmark_comparison (" + rs.getString("source") + ")", rs.getString("vintage"),
                    rs.getLong("load_id")));
        });
        return out;
    }

    /** The parts of each measure's figures by one dimension's groups (breakdowns.is_group). */
    private static Map<String, List<Figure>> breakdowns(Connection c, String areaCode, LocalDate asOf, Set<String> measures)
            throws SQLException {
        Map<String, List<Figure>> out = new LinkedHashMap<>();
        if (measures.isEmpty()) return out;
        String sql = "SELECT " + FIGURE_COLUMNS + ", o.breakdown FROM " + FIGURES + " JOIN breakdowns b USING (breakdown) "
                + "WHERE o.area_code = ? AND o.breakdown <> 'total' AND b.is_group AND o.period_end <= ? "
                + "AND list_contains(?, o.measure) ORDER BY o.measure, o.breakdown";
        eachRow(c, sql, List.of(areaCode), asOf, measures, rs -> {
            Figure f = figure(rs, Figure.Role.BREAKDOWN, rs.getString("breakdown"));
            out.computeIfAbsent(f.measure() + "|" + f.periodKind() + "|" + f.periodLabel(), k -> new ArrayList<>()).add(f);
        });
        return out;
    }

    /** The counts behind each rate shown that the page does not itself show. */
    private List<Figure> context(Connection c, String areaCode, LocalDate asOf, List<KpiRow> rows) throws SQLException {
        Set<String> wanted = new LinkedHashSet<>();
        Set<String> shown = new LinkedHashSet<>();
        for (KpiRow r : rows) {
            shown.add(r.measure());
            if (r.latest().isRate()) wanted.addAll(disclosure.rules().countsBehind(r.measure()));
        }
        wanted.removeAll(shown);
        List<Figure> out = new ArrayList<>();
        if (wanted.isEmpty()) return out;
        String sql = "SELECT " + FIGURE_COLUMNS + " FROM " + FIGURES
                + " WHERE o.area_code = ? AND o.breakdown = 'total' AND o.period_end <= ? AND list_contains(?, o.measure)";
        eachRow(c, sql, List.of(areaCode), asOf, wanted, rs -> out.add(figure(rs, Figure.Role.CONTEXT, "total")));
        return out;
    }

    private static ActionPlanSummary actions(Connection c, String plan, LocalDate asOf, LocalDate snapshot) throws SQLException {
        LocalDate snap = snapshot;
        long loadId = 0;
        try (PreparedStatement p = c.prepareStatement("SELECT snapshot, load_id FROM action_plans WHERE plan = ? "
                + "ORDER BY (snapshot > ?), CASE WHEN snapshot <= ? THEN snapshot END DESC, snapshot")) {
            p.setString(1, plan);
            p.setDate(2, Date.valueOf(asOf));
            p.setDate(3, Date.valueOf(asOf));
            try (ResultSet rs = p.executeQuery()) {
                boolean any = false;
                while (rs.next()) {
                    LocalDate s = rs.getDate(1).toLocalDate();
                    if (!any && snap == null) snap = s;
                    if (s.equals(snap)) loadId = rs.getLong(2);
                    any = true;
                }
                if (!any) throw new WarehouseException("no action plan '" + plan + "' in the warehouse (sendscope load actions …)");
            }
        }
        if (loadId == 0) throw new WarehouseException("plan '" + plan + "' has no snapshot " + snap);
        List<ActionPlanSummary.StatusCount> statuses = new ArrayList<>();
        try (PreparedStatement p = c.prepareStatement("SELECT status, n, pct FROM action_status_summary "
                + "WHERE plan = ? AND snapshot = ? ORDER BY action_status_rank(status)")) {
            p.setString(1, plan);
            p.setDate(2, Date.valueOf(snap));
            try (ResultSet rs = p.executeQuery()) {
                while (rs.next()) statuses.add(new ActionPlanSummary.StatusCount(rs.getString(1), rs.getLong(2), rs.getDouble(3)));
            }
        }
        List<ActionPlanSummary.OverdueAction> overdue = new ArrayList<>();
        try (PreparedStatement p = c.prepareStatement("SELECT ref, priority, title, lead, coalesce(deadline_as_written, "
                + "CAST(deadline AS VARCHAR)), days_overdue, status FROM overdue_actions WHERE plan = ? AND snapshot = ? "
                + "ORDER BY days_overdue DESC, ref")) {
            p.setString(1, plan);
            p.setDate(2, Date.valueOf(snap));
            try (ResultSet rs = p.executeQuery()) {
                while (rs.next()) {
                    overdue.add(new ActionPlanSummary.OverdueAction(rs.getString(1), rs.getString(2), rs.getString(3),
                            rs.getString(4), rs.getString(5), rs.getLong(6), rs.getString(7)));
                }
            }
        }
        return new ActionPlanSummary(plan, snap, statuses, overdue, loadId);
    }

    private static List<LoadSource> sources(Connection c, Scorecard card, ActionPlanSummary actions) throws SQLException {
        Set<Long> ids = new TreeSet<>();
        for (Figure f : card.shownFigures()) if (f.loadId() != null) ids.add(f.loadId());
        if (actions != null) ids.add(actions.loadId());
        List<LoadSource> out = new ArrayList<>();
        if (ids.isEmpty()) return out;
        try (PreparedStatement p = c.prepareStatement("SELECT load_id, source, file_name, sha256, vintage, "
                + "CAST(finished_at AS VARCHAR) FROM loads WHERE list_contains(?, load_id) ORDER BY load_id")) {
            p.setArray(1, c.createArrayOf("BIGINT", ids.toArray()));
            try (ResultSet rs = p.executeQuery()) {
                while (rs.next()) {
                    out.add(new LoadSource(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                            rs.getString(6)));
                }
            }
        }
        return out;
    }

    /** The columns {@link #figure} reads, from {@link #FIGURES}. */
    private static final String FIGURE_COLUMNS = "o.measure, coalesce(m.title, o.measure) AS title, m.unit, o.area_code, "
            + "o.area_name, o.period_kind, o.period_label, o.period_end, o.value, o.status, o.source, o.vintage, o.load_id";
    /** Observations with their measure's title and unit. */
    private static final String FIGURES = "analysis_observations o LEFT JOIN analysis_measures m USING (measure)";

    /** What is done with each row of a query. */
    @FunctionalInterface
    private interface RowReader {
        void read(ResultSet rs) throws SQLException;
    }

    /**
     * Runs a query of the scorecard's figures, whose parameters are always, in this order, the
     * areas, the as-of date and (unless null) the measures, and hands each row to {@code each}.
     */
    private static void eachRow(Connection c, String sql, List<String> areas, LocalDate asOf, Set<String> measures,
                                RowReader each) throws SQLException {
        try (PreparedStatement p = c.prepareStatement(sql)) {
            int i = 1;
            for (String a : areas) p.setString(i++, a);
            p.setDate(i++, Date.valueOf(asOf));
            if (measures != null) p.setArray(i, c.createArrayOf("VARCHAR", measures.toArray()));
            try (ResultSet rs = p.executeQuery()) {
                while (rs.next()) each.read(rs);
            }
        }
    }

    private static Figure figure(ResultSet rs, Figure.Role role, String breakdown) throws SQLException {
        Date end = rs.getDate("period_end");
        double v = rs.getDouble("value");
        Double value = rs.wasNull() ? null : v;
        long load = rs.getLong("load_id");
        Long loadId = rs.wasNull() ? null : load;
        return new Figure(rs.getString("measure"), rs.getString("title"), rs.getString("unit"), rs.getString("area_code"),
                rs.getString("area_name"), role, breakdown, rs.getString("period_kind"), rs.getString("period_label"),
                end == null ? null : end.toLocalDate(), value, rs.getString("status"), rs.getString("source"),
                rs.getString("vintage"), loadId);
    }

    private static Double number(Object o) {
        return o instanceof Number n ? n.doubleValue() : null;
    }

    private static Long longOrNull(Object o) {
        return o instanceof Number n ? n.longValue() : null;
    }
}
