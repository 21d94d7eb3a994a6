package org.sendscope.analysis;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.sendscope.warehouse.Warehouse;

/**
 * A local KPI's target and required direction of travel for one area over a span of periods, from
 * the {@code kpi_targets} view (the scorecards' "BCP Target" and "Required Direction of Travel"
 * columns). A period is judged against the statement whose span covers it (the latest span when
 * several do); a period no statement covers has no target and the catalogue's polarity.
 *
 * @param target null where the paper gives TBC or nothing
 * @param direction {@code up}, {@code down}, {@code steady} or null
 * @param validFrom null for open-ended
 * @param validTo null for open-ended
 */
public record KpiTarget(String measure, String areaCode, Double target, String direction, LocalDate validFrom,
                        LocalDate validTo, String vintage) {

    /** Every target statement for {@code measure} and {@code areaCode} (none when there is no kpi_targets view). */
    public static List<KpiTarget> all(Warehouse w, String measure, String areaCode) throws SQLException {
        List<KpiTarget> out = new ArrayList<>();
        if (w.count("SELECT count(*) FROM duckdb_views() WHERE view_name = 'kpi_targets'") == 0) return out;
        try (PreparedStatement p = w.connection().prepareStatement("SELECT target, direction, valid_from, valid_to, vintage "
                + "FROM kpi_targets WHERE measure = ? AND area_code = ?")) {
            p.setString(1, measure);
            p.setString(2, areaCode);
            try (ResultSet rs = p.executeQuery()) {
                while (rs.next()) {
                    Object t = rs.getObject(1);
                    out.add(new KpiTarget(measure, areaCode, t == null ? null : ((Number) t).doubleValue(), rs.getString(2),
                            date(rs.getDate(3)), date(rs.getDate(4)), rs.getString(5)));
                }
            }
        }
        return out;
    }

    private static LocalDate date(java.sql.Date d) {
        return d == null ? null : d.toLocalDate();
    }

    /** True when this statement's span covers the period from {@code start} to {@code end}. */
    public boolean covers(LocalDate start, LocalDate end) {
        return (validFrom == null || !validFrom.isAfter(end)) && (validTo == null || !validTo.isBefore(start));
    }

    /** The polarity the required direction gives, or null for steady or none. */
    public Polarity polarity() {
        if ("up".equals(direction)) return Polarity.HIGHER_IS_BETTER;
        if ("down".equals(direction)) return Polarity.LOWER_IS_BETTER;
        return null;
    }

    /** The latest covering statement with a target, and with a direction, as the view picks them. */
    static KpiTarget[] covering(List<KpiTarget> all, LocalDate start, LocalDate end) {
        Comparator<KpiTarget> latest = Comparator.comparing((KpiTarget k) -> k.validFrom() == null ? LocalDate.of(1900, 1, 1)
                : k.validFrom()).thenComparing(k -> k.vintage() == null ? "" : k.vintage());
        KpiTarget target = all.stream().filter(k -> k.covers(start, end) && k.target() != null).max(latest).orElse(null);
        KpiTarget direction = all.stream().filter(k -> k.covers(start, end) && k.direction() != null).max(latest)
                .orElse(null);
        return new KpiTarget[] {target, direction};
    }
}
