package org.sendscope.forecast;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.TreeMap;
import org.sendscope.warehouse.Warehouse;
import org.sendscope.warehouse.WarehouseException;

/**
 * An LA's own monthly count of EHC plans, from its management information or committee papers
 * (period kind {@code month}), with where each figure came from. The one place that knows the
 * measure's code: {@code ehc_plans_local}, or {@code ehc_plans} as papers were first loaded; where
 * a month has both, the local code wins.
 *
 * @param areaCode GSS code
 * @param counts   plans by month (the month the count is at)
 * @param sources  the source of each month's figure
 */
public record LocalCaseload(String areaCode, TreeMap<YearMonth, Double> counts, TreeMap<YearMonth, String> sources) {

    /** The LA's monthly counts, one per month, the local measure preferred over SEN2's code. */
    public static final String MONTHLY_SQL = """
            SELECT period_start, value, source FROM observations
            WHERE area_code = ? AND level = 'local_authority' AND period_kind = 'month' AND breakdown = 'total'
              AND measure IN ('ehc_plans_local', 'ehc_plans') AND value IS NOT NULL
            QUALIFY row_number() OVER (PARTITION BY period_start
                                       ORDER BY measure = 'ehc_plans_local' DESC, vintage DESC, load_id DESC) = 1
            ORDER BY period_start""";

    /** The area's monthly counts in {@code w} (empty when none are loaded). */
    public static LocalCaseload read(Warehouse w, String areaCode) {
        TreeMap<YearMonth, Double> counts = new TreeMap<>();
        TreeMap<YearMonth, String> sources = new TreeMap<>();
        try (PreparedStatement p = w.connection().prepareStatement(MONTHLY_SQL)) {
            p.setString(1, areaCode);
            try (ResultSet rs = p.executeQuery()) {
                while (rs.next()) {
                    YearMonth m = YearMonth.from(rs.getObject(1, LocalDate.class));
                    counts.put(m, rs.getDouble(2));
                    sources.put(m, rs.getString(3));
                }
            }
        } catch (SQLException e) {
            throw new WarehouseException("reading the local monthly EHC plan counts: " + e.getMessage(), e);
        }
        return new LocalCaseload(areaCode, counts, sources);
    }

    /** A caseload from figures in hand (synthetic series, tests). */
    public static LocalCaseload of(String areaCode, TreeMap<YearMonth, Double> counts) {
        TreeMap<YearMonth, String> sources = new TreeMap<>();
        counts.keySet().forEach(m -> sources.put(m, "given"));
        return new LocalCaseload(areaCode, new TreeMap<>(counts), sources);
    }

    public boolean isEmpty() {
        return counts.isEmpty();
    }

    /** The same caseload without any month after {@code last}. */
    public LocalCaseload upTo(YearMonth last) {
        return new LocalCaseload(areaCode, new TreeMap<>(counts.headMap(last, true)),
                new TreeMap<>(sources.headMap(last, true)));
    }
}
