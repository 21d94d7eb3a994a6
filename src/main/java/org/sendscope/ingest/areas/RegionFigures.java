package org.sendscope.ingest.areas;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Whether a file's counts add up across its geography, the one rule both the SEN2 and the EES
 * loaders apply (docs/decisions/0215, 0208): a local authority's count equal to its region's
 * (more than 0) while the region's other LAs report more than none is the region's figure printed
 * on the LA's line, not the LA's; and the LAs' counts may not sum to more than England's by more
 * than {@link #ENGLAND_MARGIN}. Both are asked per period, breakdown and count column.
 *
 * <p>A loader passes its staged cells of one count column as a query with the columns
 * {@code line, period, breakdown, level, area_code, area_name, region_code, raw, v} ({@code v} the
 * number, NULL for a marker; {@code level} {@code england}, {@code region} or
 * {@code local_authority}) and decides what to do with what is found.
 */
public final class RegionFigures {
    /** The LA sum may exceed England's figure by this share of it before the file is refused (0215). */
    public static final double ENGLAND_MARGIN = 0.01;

    /**
     * The status of a count that is its region's figure printed on an LA's line and that the file
     * cannot replace with the LA's own: not the LA's figure, so no value (docs/decisions/0208).
     */
    public static final String STATUS = "region_figure";

    private RegionFigures() {
    }

    /** A local authority's cell carrying its region's figure. */
    public record OnLaLine(long line, String period, String breakdown, String areaCode, String areaName,
                           String regionCode, String regionName, long regionLine, String raw, double value) {
    }

    /** England's cell, smaller than its local authorities' sum by more than the margin. */
    public record AboveEngland(long line, String raw, String period, String breakdown, double laSum) {
        /** Why the file is refused, for a {@code LoadException} at England's line. */
        public String reason() {
            return "England's figure for " + period + " (" + breakdown + ") is smaller than its local authorities' sum, "
                    + plain(laSum) + ", by more than " + Math.round(ENGLAND_MARGIN * 100) + " % (docs/decisions/0215)";
        }
    }

    /** Every LA cell of {@code cells} that equals its region's while the region's other LAs report too, by line. */
    public static List<OnLaLine> onLaLines(Statement s, String cells) throws SQLException {
        List<OnLaLine> found = new ArrayList<>();
        try (ResultSet rs = s.executeQuery("""
                WITH c AS (%s), la AS (SELECT * FROM c WHERE level = 'local_authority')
                SELECT la.line, la.period, la.breakdown, la.area_code, la.area_name, la.region_code, r.area_name, r.line,
                       la.raw, la.v FROM la
                JOIN c r ON r.level = 'region' AND r.period = la.period AND r.breakdown = la.breakdown
                     AND r.area_code = la.region_code
                WHERE la.v = r.v AND la.v > 0 AND EXISTS (SELECT 1 FROM la o WHERE o.period = la.period
                      AND o.breakdown = la.breakdown AND o.region_code = la.region_code
                      AND o.area_code <> la.area_code AND o.v > 0)
                ORDER BY la.line""".formatted(cells))) {
            while (rs.next()) {
                found.add(new OnLaLine(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                        rs.getString(6), rs.getString(7), rs.getLong(8), rs.getString(9), rs.getDouble(10)));
            }
        }
        return found;
    }

    /** England's first cell of {@code cells} that its LAs' sum exceeds by more than {@link #ENGLAND_MARGIN}, if any. */
    public static Optional<AboveEngland> aboveEngland(Statement s, String cells) throws SQLException {
        try (ResultSet rs = s.executeQuery("""
                WITH c AS (%s)
                SELECT e.line, e.raw, e.period, e.breakdown, sum(la.v) FROM c e
                JOIN c la ON la.level = 'local_authority' AND la.period = e.period AND la.breakdown = e.breakdown
                WHERE e.level = 'england' AND e.v IS NOT NULL
                GROUP BY e.line, e.raw, e.period, e.breakdown, e.v
                HAVING sum(la.v) > e.v * (1 + %s) ORDER BY e.line LIMIT 1""".formatted(cells, ENGLAND_MARGIN))) {
            if (!rs.next()) return Optional.empty();
            return Optional.of(new AboveEngland(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getDouble(5)));
        }
    }

    /**
     * The start of a load message about cells found by {@link #onLaLines}: {@code FILE: 15 local
     * authorities' lines carry their region's COLUMN (6078, Yorkshire and The Humber, 2022; lines
     * 2095 … 2566)}, the raw text, region and period those of the first cell.
     */
    public static String summary(String file, String column, List<OnLaLine> cells) {
        OnLaLine first = cells.get(0);
        String who = cells.size() == 1 ? "1 local authority's line carries its" : cells.size() + " local authorities' lines carry their";
        return file + ": " + who + " region's " + column + " ("
                + first.raw().strip() + ", " + first.regionName() + ", " + first.period() + "; lines "
                + cells.stream().map(m -> String.valueOf(m.line())).collect(Collectors.joining(" ")) + ")";
    }

    /** A whole count as the file would print it (6078, not 6078.0). */
    public static String plain(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }
}
