package org.sendscope.analysis;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.sendscope.period.PeriodKind;
import org.sendscope.warehouse.Warehouse;
import org.sendscope.warehouse.WarehouseException;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * How an LA compares on a measure, period by period: its value beside England, its region and the
 * mean and median of its statistical neighbours that had a value (no median from fewer than
 * {@value #MIN_NEIGHBOURS_FOR_MEDIAN}); the gap to each; its rank among
 * the LAs that existed at the period's end (1 = best, {@link Ranking}); its quartile band
 * ({@link QuartileBands}); its change on the previous period when that period comes straight
 * before. The view {@code benchmark_comparison} computes the same; a test holds them together.
 *
 * <pre>{@code
 * List<BenchmarkComparison.Row> rows = BenchmarkComparison.of(warehouse, "ehc_20wk_pct_incl_exc", "E06000058");
 * Table t = BenchmarkComparison.table(rows);
 * }</pre>
 */
public final class BenchmarkComparison {
    /** The fewest neighbours with a value whose median is shown. */
    public static final int MIN_NEIGHBOURS_FOR_MEDIAN = 5;

    /** One period's comparison. A gap is value minus comparator; null where either is missing. */
    public record Row(String measure, String areaCode, String breakdown, String periodKind, String periodLabel,
                      LocalDate periodEnd, Double value, Double england, Double region, Double snMean,
                      Double snMedian, int snN, Integer rank, Integer nRanked, String quartile,
                      String previousLabel, Double changePrevious, String benchmarkMeasure) {
        public Double gapEngland() {
            return gap(value, england);
        }

        public Double gapRegion() {
            return gap(value, region);
        }

        public Double gapSnMean() {
            return gap(value, snMean);
        }

        public Double gapSnMedian() {
            return gap(value, snMedian);
        }

        private static Double gap(Double a, Double b) {
            return a == null || b == null ? null : a - b;
        }
    }

    private record Obs(String area, String level, String kind, String label, LocalDate start, LocalDate end,
                       Double value, boolean synthetic) {
    }

    private record Area(String region, LocalDate validFrom, LocalDate validTo) {
        boolean existedOn(LocalDate d) {
            return (validFrom == null || !validFrom.isAfter(d)) && (validTo == null || !validTo.isBefore(d));
        }
    }

    private BenchmarkComparison() {
    }

    /** Every period of {@code measure} (breakdown total) for the LA {@code areaCode}. */
    public static List<Row> of(Warehouse w, String measure, String areaCode) {
        return of(w, measure, areaCode, "total");
    }

    /** Every period of {@code measure} and {@code breakdown} for the LA {@code areaCode}. */
    public static List<Row> of(Warehouse w, String measure, String areaCode, String breakdown) {
        try {
            String polarityCode = null;
            try (PreparedStatement p = w.connection().prepareStatement(
                    "SELECT polarity FROM analysis_measures WHERE measure = ?")) {
                p.setString(1, measure);
                try (ResultSet rs = p.executeQuery()) {
                    if (!rs.next()) throw new WarehouseException("no measure " + measure + " in the catalogue");
                    polarityCode = rs.getString(1);
                }
            }
            Polarity polarity = Polarity.of(polarityCode);
            List<Obs> all = observations(w, measure, breakdown);
            Map<String, Area> areas = areas(w);
            Set<String> neighbours = neighbours(w, areaCode);
            // One series per kind of period, never interleaved: a scorecard's months are not SEN2's years.
            List<Obs> own = all.stream().filter(o -> o.area().equals(areaCode))
                    .sorted(java.util.Comparator.comparing(Obs::kind).thenComparing(Obs::start)).toList();
            List<Row> rows = new ArrayList<>();
            Map<String, Obs> beforeByKind = new HashMap<>();   // a scorecard's months and SEN2's years are separate series
            for (Obs o : own) {
                Obs before = beforeByKind.get(o.kind());
                List<Obs> same = all.stream().filter(x -> x.kind().equals(o.kind()) && x.start().equals(o.start())
                        && x.end().equals(o.end())).toList();
                Double england = same.stream().filter(x -> x.level().equals("england")).map(Obs::value)
                        .filter(Objects::nonNull).findFirst().orElse(null);
                Area me = areas.get(areaCode);
                String regionCode = me == null ? null : me.region();
                Double region = same.stream().filter(x -> x.area().equals(regionCode)).map(Obs::value)
                        .filter(Objects::nonNull).findFirst().orElse(null);
                double[] sn = same.stream().filter(x -> neighbours.contains(x.area()) && x.value() != null)
                        .mapToDouble(Obs::value).sorted().toArray();
                Double snMean = sn.length == 0 ? null : Arrays.stream(sn).average().orElseThrow();
                // No median from fewer than five neighbours: it would be one or two LAs' figures.
                Double snMedian = sn.length < MIN_NEIGHBOURS_FOR_MEDIAN ? null : Quantiles.quantile(sn, 0.5);
                // The ranked LAs: a value, and the LA existed at the period's end.
                // A synthetic LA is never ranked, nor ranked against (docs/decisions/0126).
                List<Obs> pool = same.stream().filter(x -> x.level().equals("local_authority") && x.value() != null
                        && !x.area().startsWith("SN:") && !x.synthetic()
                        && (areas.get(x.area()) == null || areas.get(x.area()).existedOn(x.end()))).toList();
                Integer rank = null;
                String quartile = null;
                int n = pool.size();
                if (o.value() != null && pool.contains(o)) {
                    double[] values = pool.stream().mapToDouble(Obs::value).toArray();
                    rank = Ranking.ranks(values, polarity)[pool.indexOf(o)];
                    quartile = String.valueOf(QuartileBands.ofValues(values).band(o.value(), polarity));
                }
                boolean consecutive = before != null
                        && Periods.consecutive(PeriodKind.ofCode(o.kind()), before.start(), o.start());
                rows.add(new Row(measure, areaCode, breakdown, o.kind(), o.label(), o.end(), o.value(), england, region,
                        snMean, snMedian, sn.length, rank, n == 0 ? null : n, quartile,
                        consecutive ? before.label() : null,
                        consecutive && o.value() != null && before.value() != null ? o.value() - before.value() : null,
                        measure));
                beforeByKind.put(o.kind(), o);
            }
            return rows;
        } catch (SQLException e) {
            throw new WarehouseException("comparing " + measure + " for " + areaCode + ": " + e.getMessage(), e);
        }
    }

    /**
     * A local measure's value set against another measure's benchmarks (a local scorecard KPI
     * against the DfE's published figure, say), for the benchmark period that ends last on or
     * before the local period's end.
     *
     * @throws IncomparableMeasuresException unless the catalogue says the two are comparable
     */
    public static Row against(Warehouse w, String localMeasure, String areaCode, String localPeriodLabel,
                              String benchmarkMeasure) {
        if (!comparable(w, localMeasure, benchmarkMeasure)) {
            throw new IncomparableMeasuresException(localMeasure + " and " + benchmarkMeasure
                    + " are not comparable (measures.comparable_with links neither to the other); not shown side by side");
        }
        try {
            Obs local = observations(w, localMeasure, "total").stream()
                    .filter(o -> o.area().equals(areaCode) && o.label().equals(localPeriodLabel)).findFirst()
                    .orElseThrow(() -> new WarehouseException("no " + localMeasure + " for " + areaCode + " in "
                            + localPeriodLabel));
            Row bench = of(w, benchmarkMeasure, areaCode).stream().filter(r -> !r.periodEnd().isAfter(local.end()))
                    .reduce((a, b) -> b).orElseThrow(() -> new WarehouseException("no " + benchmarkMeasure
                            + " published for a period ending by " + local.end()));
            return new Row(localMeasure, areaCode, "total", local.kind(), local.label(), local.end(), local.value(),
                    bench.england(), bench.region(), bench.snMean(), bench.snMedian(), bench.snN(), null, null, null,
                    null, null, benchmarkMeasure + " " + bench.periodLabel());
        } catch (SQLException e) {
            throw new WarehouseException("comparing " + localMeasure + " with " + benchmarkMeasure + ": " + e.getMessage(), e);
        }
    }

    /** True when the two measures are the same or the catalogue links one to the other. */
    public static boolean comparable(Warehouse w, String a, String b) {
        if (a.equals(b)) return true;
        try (PreparedStatement p = w.connection().prepareStatement("SELECT count(*) FROM analysis_measures "
                + "WHERE (measure = ? AND comparable_with = ?) OR (measure = ? AND comparable_with = ?)")) {
            p.setString(1, a);
            p.setString(2, b);
            p.setString(3, b);
            p.setString(4, a);
            try (ResultSet rs = p.executeQuery()) {
                return rs.next() && rs.getLong(1) > 0;
            }
        } catch (SQLException e) {
            throw new WarehouseException(e.getMessage(), e);
        }
    }

    /** The rows as a Tablesaw table, gaps included, for notebooks. */
    public static Table table(List<Row> rows) {
        StringColumn kind = StringColumn.create("period_kind");
        StringColumn label = StringColumn.create("period_label");
        DoubleColumn value = DoubleColumn.create("value");
        DoubleColumn england = DoubleColumn.create("england");
        DoubleColumn region = DoubleColumn.create("region");
        DoubleColumn snMean = DoubleColumn.create("sn_mean");
        DoubleColumn snMedian = DoubleColumn.create("sn_median");
        IntColumn snN = IntColumn.create("sn_n");
        DoubleColumn gapE = DoubleColumn.create("gap_england");
        DoubleColumn gapSn = DoubleColumn.create("gap_sn_mean");
        IntColumn rank = IntColumn.create("rank");
        IntColumn nRanked = IntColumn.create("n_ranked");
        StringColumn quartile = StringColumn.create("quartile");
        DoubleColumn change = DoubleColumn.create("change_previous");
        for (Row r : rows) {
            kind.append(r.periodKind());
            label.append(r.periodLabel());
            put(value, r.value());
            put(england, r.england());
            put(region, r.region());
            put(snMean, r.snMean());
            put(snMedian, r.snMedian());
            snN.append(r.snN());
            put(gapE, r.gapEngland());
            put(gapSn, r.gapSnMean());
            if (r.rank() == null) rank.appendMissing(); else rank.append(r.rank());
            if (r.nRanked() == null) nRanked.appendMissing(); else nRanked.append(r.nRanked());
            quartile.append(r.quartile());
            put(change, r.changePrevious());
        }
        String name = rows.isEmpty() ? "benchmark" : rows.get(0).measure() + " " + rows.get(0).areaCode();
        return Table.create(name, kind, label, value, england, region, snMean, snMedian, snN, gapE, gapSn, rank, nRanked,
                quartile, change);
    }

    private static void put(DoubleColumn c, Double v) {
        if (v == null) c.appendMissing();
        else c.append(v);
    }

    private static List<Obs> observations(Warehouse w, String measure, String breakdown) throws SQLException {
        List<Obs> out = new ArrayList<>();
        try (PreparedStatement p = w.connection().prepareStatement("SELECT o.area_code, o.level, o.period_kind, o.period_label, "
                + "o.period_start, o.period_end, o.value, coalesce(l.source_class = 'synthetic', o.vintage = 'synthetic') "
                + "FROM analysis_observations o LEFT JOIN loads l USING (load_id) WHERE o.measure = ? AND o.breakdown = ?")) {
            p.setString(1, measure);
            p.setString(2, breakdown);
            try (ResultSet rs = p.executeQuery()) {
                while (rs.next()) {
                    Object v = rs.getObject(7);
                    out.add(new Obs(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getDate(5).toLocalDate(), rs.getDate(6).toLocalDate(), v == null ? null : ((Number) v).doubleValue(),
                            rs.getBoolean(8)));
                }
            }
        }
        return out;
    }

    private static Map<String, Area> areas(Warehouse w) throws SQLException {
        Map<String, Area> m = new HashMap<>();
        try (PreparedStatement p = w.connection().prepareStatement(
                "SELECT area_code, region_code, valid_from, valid_to FROM areas");
             ResultSet rs = p.executeQuery()) {
            while (rs.next()) {
                m.put(rs.getString(1), new Area(rs.getString(2), date(rs.getDate(3)), date(rs.getDate(4))));
            }
        }
        return m;
    }

    private static LocalDate date(java.sql.Date d) {
        return d == null ? null : d.toLocalDate();
    }

    private static Set<String> neighbours(Warehouse w, String areaCode) throws SQLException {
        Set<String> s = new HashSet<>();
        try (PreparedStatement p = w.connection().prepareStatement(
                "SELECT neighbour_code FROM statistical_neighbours WHERE area_code = ?")) {
            p.setString(1, areaCode);
            try (ResultSet rs = p.executeQuery()) {
                while (rs.next()) s.add(rs.getString(1));
            }
        }
        return s;
    }
}
