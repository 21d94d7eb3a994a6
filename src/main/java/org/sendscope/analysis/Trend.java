package org.sendscope.analysis;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.sendscope.period.PeriodKind;
import org.sendscope.warehouse.Warehouse;
import org.sendscope.warehouse.WarehouseException;
import tech.tablesaw.api.DateColumn;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * One measure's series for one area, read the way an analyst reads a scorecard line: each period's
 * value, its change on the previous period and on a baseline, the direction of travel judged
 * against the measure's polarity, RAG against a target, and how many periods to target at the
 * recent rate. The SQL views {@code kpi_trend} and {@code kpi_latest} apply the same rules.
 *
 * <pre>{@code
 * Trend t = Trend.load(warehouse, "ehc_20wk_pct_incl_exc", "E06000058");
 * Table table = t.table();                 // one row per period
 * Trend.Latest now = t.latest();           // latest value, direction, RAG, periods to target
 * }</pre>
 */
public final class Trend {

    /** One period of the series; {@code value} is null for a suppressed or missing value. */
    public record Point(String periodLabel, LocalDate periodStart, LocalDate periodEnd, Double value) {
    }

    /** The latest period with a value, judged. */
    public record Latest(String periodLabel, double value, Double changePrevious, DirectionOfTravel direction,
                         Double changeBaseline, Double target, Rag rag, Double recentRate, Integer periodsToTarget) {
    }

    private final String measure;
    private final String areaCode;
    private final PeriodKind kind;
    private final Polarity polarity;
    private final String unit;
    private final Double target;
    private final List<KpiTarget> targets;
    private final List<Point> points;
    private final String baselineLabel;

    private Trend(String measure, String areaCode, PeriodKind kind, Polarity polarity, String unit, Double target,
                  List<KpiTarget> targets, List<Point> points, String baselineLabel) {
        this.measure = measure;
        this.areaCode = areaCode;
        this.kind = kind;
        this.polarity = polarity;
        this.unit = unit;
        this.target = target;
        this.targets = List.copyOf(targets);
        this.points = List.copyOf(points);
        this.baselineLabel = baselineLabel;
    }

    /** A trend over the given points (in any order; they are sorted by period). */
    public static Trend of(String measure, String areaCode, PeriodKind kind, Polarity polarity, String unit,
                           Double target, List<Point> points) {
        List<Point> sorted = new ArrayList<>(points);
        sorted.sort((a, b) -> a.periodStart().equals(b.periodStart()) ? a.periodEnd().compareTo(b.periodEnd())
                : a.periodStart().compareTo(b.periodStart()));
        return new Trend(measure, areaCode, kind, polarity, unit, target, List.of(), sorted, null);
    }

    /** The total series of a measure for an area, in its most-published kind of period. */
    public static Trend load(Warehouse w, String measure, String areaCode) {
        return load(w, measure, areaCode, "total", null);
    }

    /**
     * A measure's series for an area and breakdown from {@code analysis_observations}, with polarity
     * and unit from the catalogue and, where a local target exists, the target.
     *
     * @param periodKind null for the kind of period with the most values
     */
    public static Trend load(Warehouse w, String measure, String areaCode, String breakdown, String periodKind) {
        try {
            String kind = periodKind != null ? periodKind : mostPublishedKind(w, measure, areaCode, breakdown);
            if (kind == null) {
                throw new WarehouseException("no values of " + measure + " (" + breakdown + ") for " + areaCode);
            }
            List<Point> pts = new ArrayList<>();
            try (PreparedStatement p = series(w, "period_label, period_start, period_end, value",
                    " AND period_kind = ? ORDER BY period_start, period_end", measure, areaCode, breakdown)) {
                p.setString(4, kind);
                try (ResultSet rs = p.executeQuery()) {
                    while (rs.next()) {
                        Object v = rs.getObject(4);
                        pts.add(new Point(rs.getString(1), rs.getDate(2).toLocalDate(), rs.getDate(3).toLocalDate(),
                                v == null ? null : ((Number) v).doubleValue()));
                    }
                }
            }
            Polarity pol = Polarity.NEUTRAL;
            String unit = null;
            try (PreparedStatement p = w.connection().prepareStatement(
                    "SELECT polarity, unit FROM analysis_measures WHERE measure = ?")) {
                p.setString(1, measure);
                try (ResultSet rs = p.executeQuery()) {
                    if (rs.next()) {
                        pol = Polarity.of(rs.getString(1));
                        unit = rs.getString(2);
                    }
                }
            }
            Trend t = of(measure, areaCode, PeriodKind.ofCode(kind), pol, unit, null, pts);
            return "total".equals(breakdown) ? t.withTargets(KpiTarget.all(w, measure, areaCode)) : t;
        } catch (SQLException e) {
            throw new WarehouseException("reading the trend of " + measure + " for " + areaCode + ": " + e.getMessage(), e);
        }
    }

    private static String mostPublishedKind(Warehouse w, String measure, String area, String breakdown)
            throws SQLException {
        try (PreparedStatement p = series(w, "period_kind",
                " GROUP BY period_kind ORDER BY count(*) DESC, max(period_end) DESC LIMIT 1", measure, area, breakdown);
             ResultSet rs = p.executeQuery()) {
            return rs.next() ? rs.getString(1) : null;
        }
    }

    /** A query over one series of {@code analysis_observations}, its measure, area and breakdown bound as 1–3. */
    private static PreparedStatement series(Warehouse w, String columns, String rest, String measure, String area,
                                            String breakdown) throws SQLException {
        PreparedStatement p = w.connection().prepareStatement("SELECT " + columns + " FROM analysis_observations "
                + "WHERE measure = ? AND area_code = ? AND breakdown = ?" + rest);
        p.setString(1, measure);
        p.setString(2, area);
        p.setString(3, breakdown);
        return p;
    }

    /** The same trend measured from another baseline period (by its label) instead of the first. */
    public Trend withBaseline(String periodLabel) {
        if (points.stream().noneMatch(p -> p.periodLabel().equals(periodLabel) && p.value() != null)) {
            throw new IllegalArgumentException("no value for baseline period " + periodLabel);
        }
        return new Trend(measure, areaCode, kind, polarity, unit, target, targets, points, periodLabel);
    }

    /** The same trend judged against one target for every period (and the catalogue polarity). */
    public Trend withTarget(Double newTarget) {
        return new Trend(measure, areaCode, kind, polarity, unit, newTarget, List.of(), points, baselineLabel);
    }

    /**
     * The same trend judged, period by period, against the target statements whose spans cover
     * each period ({@code kpi_targets}); a required direction overrides the catalogue polarity there.
     */
    public Trend withTargets(List<KpiTarget> statements) {
        return new Trend(measure, areaCode, kind, polarity, unit, null, statements, points, baselineLabel);
    }

    /** The target for a period: the fixed one, else the covering statement's. */
    private Double targetAt(Point p) {
        if (target != null || targets.isEmpty()) return target;
        KpiTarget t = KpiTarget.covering(targets, p.periodStart(), p.periodEnd())[0];
        return t == null ? null : t.target();
    }

    /** The polarity for a period: a covering statement's required direction, else the catalogue's. */
    private Polarity polarityAt(Point p) {
        if (targets.isEmpty()) return polarity;
        KpiTarget d = KpiTarget.covering(targets, p.periodStart(), p.periodEnd())[1];
        return d == null || d.polarity() == null ? polarity : d.polarity();
    }

    public List<Point> points() {
        return points;
    }

    public Polarity polarity() {
        return polarity;
    }

    public Double target() {
        return target;
    }

    private Point baseline() {
        for (Point p : points) {
            if (p.value() != null && (baselineLabel == null || p.periodLabel().equals(baselineLabel))) return p;
        }
        return null;
    }

    /**
     * One row per period: period_label, period_start, period_end, value, previous_value,
     * change_previous, direction_of_travel, baseline_value, change_baseline, direction_of_travel_baseline, target,
     * rag.
     */
    public Table table() {
        StringColumn label = StringColumn.create("period_label");
        DateColumn start = DateColumn.create("period_start");
        DateColumn end = DateColumn.create("period_end");
        DoubleColumn value = DoubleColumn.create("value");
        DoubleColumn prev = DoubleColumn.create("previous_value");
        DoubleColumn change = DoubleColumn.create("change_previous");
        StringColumn dir = StringColumn.create("direction_of_travel");
        DoubleColumn base = DoubleColumn.create("baseline_value");
        DoubleColumn changeBase = DoubleColumn.create("change_baseline");
        StringColumn dirBase = StringColumn.create("direction_of_travel_baseline");
        DoubleColumn tgt = DoubleColumn.create("target");
        StringColumn rag = StringColumn.create("rag");
        Point b = baseline();
        for (int i = 0; i < points.size(); i++) {
            Point p = points.get(i);
            Point before = i > 0 && Periods.consecutive(kind, points.get(i - 1).periodStart(), p.periodStart())
                    ? points.get(i - 1) : null;
            Double pv = before == null ? null : before.value();
            label.append(p.periodLabel());
            start.append(p.periodStart());
            end.append(p.periodEnd());
            appendNullable(value, p.value());
            appendNullable(prev, pv);
            appendNullable(change, pv == null || p.value() == null ? null : p.value() - pv);
            Polarity pol = polarityAt(p);
            Double tg = targetAt(p);
            dir.append(word(DirectionOfTravel.judge(pv, p.value(), pol, unit)));
            Double bv = b == null ? null : b.value();
            appendNullable(base, bv);
            appendNullable(changeBase, bv == null || p.value() == null ? null : p.value() - bv);
            dirBase.append(word(DirectionOfTravel.judge(bv, p.value(), pol, unit)));
            appendNullable(tgt, tg);
            Rag r = Rag.judge(p.value(), tg, pol, unit);
            rag.append(r == null ? null : r.code());
        }
        return Table.create(measure + " " + areaCode, label, start, end, value, prev, change, dir, base, changeBase,
                dirBase, tgt, rag);
    }

    /**
     * The latest period with a value, or null when no period has one. (The view {@code kpi_latest}
     * shows a later period published as TBC or a marker, if there is one; this is the latest number.)
     */
    public Latest latest() {
        List<Point> valued = points.stream().filter(p -> p.value() != null).toList();
        if (valued.isEmpty()) return null;
        Point last = valued.get(valued.size() - 1);
        int i = points.indexOf(last);
        Point before = i > 0 && Periods.consecutive(kind, points.get(i - 1).periodStart(), last.periodStart())
                ? points.get(i - 1) : null;
        Double pv = before == null ? null : before.value();
        Point b = baseline();
        Double rate = recentRate(valued);
        Polarity pol = polarityAt(last);
        Double tg = targetAt(last);
        return new Latest(last.periodLabel(), last.value(), pv == null ? null : last.value() - pv,
                DirectionOfTravel.judge(pv, last.value(), pol, unit),
                b == null ? null : last.value() - b.value(), tg,
                Rag.judge(last.value(), tg, pol, unit), rate, periodsToTarget(last.value(), rate, tg, pol));
    }

    /** Mean change per period over the last three changes between valued periods (fewer if shorter). */
    private static Double recentRate(List<Point> valued) {
        int n = valued.size();
        if (n < 2) return null;
        int k = Math.min(3, n - 1);
        return (valued.get(n - 1).value() - valued.get(n - 1 - k).value()) / k;
    }

    private static Integer periodsToTarget(double value, Double rate, Double target, Polarity polarity) {
        if (target == null || !polarity.isJudged()) return null;
        double gap = target - value;
        if (gap * polarity.sign() <= 1e-9) return 0;
        if (rate == null || rate * gap <= 0) return null;
        return (int) Math.ceil(gap / rate - 1e-9);
    }

    private static void appendNullable(DoubleColumn c, Double v) {
        if (v == null) c.appendMissing();
        else c.append(v);
    }

    private static String word(DirectionOfTravel d) {
        return d == null ? null : d.code();
    }

    @Override
    public String toString() {
        return "Trend[" + measure + ", " + areaCode + ", " + kind.code() + ", " + points.size() + " periods]";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Trend t && t.measure.equals(measure) && t.areaCode.equals(areaCode)
                && t.points.equals(points) && Objects.equals(t.target, target) && t.targets.equals(targets);
    }

    @Override
    public int hashCode() {
        return Objects.hash(measure, areaCode, points, target);
    }
}
