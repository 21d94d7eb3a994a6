package org.sendscope.spark;

import java.io.Serializable;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.sendscope.spark.SynthRecords.Kind;
import org.sendscope.warehouse.Warehouse;
import org.sendscope.warehouse.WarehouseException;

/**
 * What the synthetic children of each LA must add up to: the published SEN2 figures in the
 * warehouse (LAs only), per kind of record and year — the total and each dimension's cells, a
 * suppressed cell kept as suppressed (its count unknown), never as zero. Read with plain JDBC so
 * the size of a full run is known without starting Spark.
 */
public final class SynthTargets {
    private static final String SQL = """
            SELECT o.area_code, o.measure, b.dimension, b.dimension_value, b.is_group,
                   year(o.period_end) AS year, o.value, o.status
            FROM observations o JOIN breakdowns b USING (breakdown)
            WHERE o.level = 'local_authority'
              AND ((o.measure = 'ehc_plans' AND o.period_kind = 'census_january')
                OR (o.measure IN ('ehc_plans_new', 'ehc_requests', 'ehc_requests_refused', 'ehc_plans_ceased',
                                  'ehc_assessments_plan_issued', 'ehc_assessments_plan_not_issued',
                                  'ehc_assessments_no_decision') AND o.period_kind = 'calendar_year'))
              AND year(o.period_end) BETWEEN ? AND ?
            ORDER BY o.area_code, o.measure, year, b.dimension, b.dimension_value
            """;

    /** One published cell: its label and count, or {@link #SUPPRESSED} where a marker stands for it. */
    public record Cell(String label, long count) implements Serializable {
        /** The count of a cell published as a marker (c, x, …): unknown, never zero. */
        public static final long SUPPRESSED = -1;

        /** Whether the count is published. */
        public boolean reported() {
            return count != SUPPRESSED;
        }
    }

    /**
     * One kind of record of one LA in one year: the published total ({@link Cell#SUPPRESSED} when
     * not published), the fewest records the other published figures need where the total is
     * missing, and each dimension's cells in label order.
     */
    public record Target(Kind kind, int year, long total, long floor, Map<String, List<Cell>> dimensions)
            implements Serializable {

        /** How many records to generate at {@code scale} (1: the published figures). */
        public long records(double scale) {
            if (total != Cell.SUPPRESSED) return scaled(total, scale);
            long n = scaled(floor, scale);
            for (List<Cell> cells : dimensions.values()) {
                long need = 0;
                for (Cell c : cells) need += c.reported() ? scaled(c.count(), scale) : 1;
                n = Math.max(n, need);
            }
            return n;
        }

        /** Dimensions whose published cells add up to more than the total: they cannot all be given back. */
        public int overfull(double scale) {
            long n = records(scale);
            int over = 0;
            for (List<Cell> cells : dimensions.values()) {
                long sum = 0;
                for (Cell c : cells) if (c.reported()) sum += scaled(c.count(), scale);
                if (sum > n) over++;
            }
            return over;
        }
    }

    /** An LA's targets, by kind and year. */
    public record AreaTargets(String areaCode, List<Target> targets) implements Serializable {
        /** Records generated for this LA at {@code scale}. */
        public long records(double scale) {
            long n = 0;
            for (Target t : targets) n += t.records(scale);
            return n;
        }

        /** The target of a kind and year, or null. */
        public Target of(Kind kind, int year) {
            for (Target t : targets) if (t.kind() == kind && t.year() == year) return t;
            return null;
        }
    }

    private SynthTargets() {
    }

    /** A count at a scale: the published count itself at 1, rounded to the nearest whole record otherwise. */
    static long scaled(long count, double scale) {
        return scale == 1.0 ? count : Math.round(count * scale);
    }

    /**
     * The targets of every LA in {@code areas} (empty: all) with published figures in years
     * {@code from..to}, in area-code order.
     */
    public static List<AreaTargets> read(Warehouse w, Set<String> areas, int from, int to) {
        Map<String, Map<String, Building>> byArea = new TreeMap<>();
        try (PreparedStatement s = w.connection().prepareStatement(SQL)) {
            s.setInt(1, from);
            s.setInt(2, to);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    String area = rs.getString(1);
                    if (!areas.isEmpty() && !areas.contains(area)) continue;
                    add(byArea.computeIfAbsent(area, k -> new LinkedHashMap<>()), rs.getString(2), rs.getString(3),
                            rs.getString(4), rs.getBoolean(5), rs.getInt(6),
                            "reported".equals(rs.getString(8)) ? Math.round(rs.getDouble(7)) : Cell.SUPPRESSED);
                }
            }
        } catch (SQLException e) {
            throw new WarehouseException("reading the SEN2 figures for synth: " + e.getMessage(), e);
        }
        List<AreaTargets> out = new ArrayList<>();
        for (Map.Entry<String, Map<String, Building>> a : byArea.entrySet()) {
            out.add(new AreaTargets(a.getKey(), finish(a.getValue().values())));
        }
        return out;
    }

    /** Records a full run at {@code scale} generates, without generating them. */
    public static long records(List<AreaTargets> areas, double scale) {
        long n = 0;
        for (AreaTargets a : areas) n += a.records(scale);
        return n;
    }

    /** A target being read: cells by dimension, the age cells of both kinds kept apart until the end. */
    private static final class Building {
        final Kind kind;
        final int year;
        long total = Cell.SUPPRESSED;
        final Map<String, List<Cell>> dims = new TreeMap<>();
        final List<Cell> singleAges = new ArrayList<>();

        Building(Kind kind, int year) {
            this.kind = kind;
            this.year = year;
        }
    }

    private static void add(Map<String, Building> targets, String measure, String dimension, String value,
            boolean isGroup, int year, long count) {
        Kind kind = switch (measure) {
            case "ehc_plans" -> Kind.CASELOAD;
            case "ehc_plans_new" -> Kind.NEW_PLAN;
            case "ehc_requests", "ehc_requests_refused" -> Kind.REQUEST;
            case "ehc_plans_ceased" -> Kind.CEASED;
            default -> Kind.ASSESSMENT;
        };
        Building b = targets.computeIfAbsent(kind + "|" + year, k -> new Building(kind, year));
        if (measure.equals("ehc_requests_refused")) {
            b.dims.computeIfAbsent("outcome", k -> new ArrayList<>()).add(new Cell("refused", count));
        } else if (kind == Kind.ASSESSMENT) {
            b.dims.computeIfAbsent("outcome", k -> new ArrayList<>())
                    .add(new Cell(measure.substring("ehc_assessments_".length()), count));
        } else if (dimension.equals("total")) {
            b.total = count;
        } else if (kind.dimensions.contains(dimension)) {
            // Single years of age (new plans from 2022) are finer than the bands; a year has one or the other.
            if (dimension.equals("age") && !isGroup) b.singleAges.add(new Cell(value, count));
            else if (isGroup) b.dims.computeIfAbsent(dimension, k -> new ArrayList<>()).add(new Cell(value, count));
        }
    }

    private static List<Target> finish(Collection<Building> built) {
        List<Target> out = new ArrayList<>();
        Map<Integer, Long> assessments = new TreeMap<>();
        for (Building b : built) {
            if (!b.singleAges.isEmpty()) b.dims.put("age", b.singleAges);
            if (b.kind == Kind.ASSESSMENT) {
                long n = 0;
                for (Cell c : b.dims.getOrDefault("outcome", List.of())) n += c.reported() ? c.count() : 1;
                assessments.put(b.year, n);
            }
        }
        for (Building b : built) {
            for (List<Cell> cells : b.dims.values()) cells.sort(java.util.Comparator.comparing(Cell::label));
            // Where the requests total is a marker, at least the refused requests and the assessments were requested.
            long floor = 0;
            if (b.kind == Kind.REQUEST && b.total == Cell.SUPPRESSED) {
                floor = assessments.getOrDefault(b.year, 0L);
                for (Cell c : b.dims.getOrDefault("outcome", List.of())) if (c.reported()) floor += c.count();
            }
            out.add(new Target(b.kind, b.year, b.total, floor, new TreeMap<>(b.dims)));
        }
        out.sort(java.util.Comparator.comparing((Target t) -> t.kind()).thenComparingInt(Target::year));
        return out;
    }
}
