package org.sendscope.ingest.paper;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.sendscope.period.LocalPeriods;
import org.sendscope.period.Period;
import org.sendscope.warehouse.Warehouse;

/**
 * Looks up single values in a test warehouse's {@code observations} view (the latest vintage),
 * by the period a label names (so {@code March 23} finds the value whichever table's label won).
 */
final class KpiQueries {
    private KpiQueries() {
    }

    /** The value (NULL for a status) of one observation, by area, measure and period label; fails when absent. */
    static Double value(Warehouse w, String area, String measure, String periodLabel) throws SQLException {
        try (PreparedStatement p = w.connection().prepareStatement("SELECT value FROM observations "
                + "WHERE area_code = ? AND measure = ? AND period_kind = ? AND period_start = ? AND period_end = ?")) {
            bind(p, area, measure, periodLabel);
            try (ResultSet rs = p.executeQuery()) {
                if (!rs.next()) throw new AssertionError("no " + measure + " for " + area + " " + periodLabel);
                double v = rs.getDouble(1);
                Double out = rs.wasNull() ? null : v;
                if (rs.next()) throw new AssertionError("two values of " + measure + " for " + area + " " + periodLabel);
                return out;
            }
        }
    }

    static String status(Warehouse w, String area, String measure, String periodLabel) throws SQLException {
        try (PreparedStatement p = w.connection().prepareStatement("SELECT status FROM observations "
                + "WHERE area_code = ? AND measure = ? AND period_kind = ? AND period_start = ? AND period_end = ?")) {
            bind(p, area, measure, periodLabel);
            try (ResultSet rs = p.executeQuery()) {
                if (!rs.next()) throw new AssertionError("no " + measure + " for " + area + " " + periodLabel);
                return rs.getString(1);
            }
        }
    }

    private static void bind(PreparedStatement p, String area, String measure, String label) throws SQLException {
        Period period = LocalPeriods.require(label);
        p.setString(1, area);
        p.setString(2, measure);
        p.setString(3, period.kindCode());
        p.setObject(4, period.start());
        p.setObject(5, period.end());
    }
}
