package org.sendscope.warehouse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sendscope.cli.Main;
import org.sendscope.testing.SharedData;

/**
 * Every public view answers {@code SELECT * FROM v LIMIT 5} within the console's statement time
 * limit on a fully loaded warehouse (issue 9, item 8): the demo (bundled data, the real DfE
 * releases, forecasts) plus both BCP papers and their improvement-plan actions. With DuckDB
 * 2.0.0.1, {@code kpi_trend} never answered a LIMIT query on such a warehouse, and
 * {@code benchmark_comparison} was seen to hang too (docs/decisions/0100-views-that-answer-a-limit.md).
 */
class EveryViewAnswersTest {

    @Test
    void everyPublicViewAnswersALimitQueryWithinTheTimeLimit(@TempDir Path dir) throws SQLException {
        Path file = dir.resolve("full.duckdb");
        String w = file.toString();
        Path plan = SharedData.paper("bcp-send-improvement-plan-2023-26.txt");
        Path pack = SharedData.paper("bcp-childrens-scrutiny-committee-2024-07-24-agenda-pack.txt");
        SharedData.dfe("ehc-plans/education-health-and-care-plans_2025_to-jan-2023.zip");
        assertEquals(0, Main.execute("demo", "--warehouse", w));
        assertEquals(0, Main.execute("load", "paper", plan.toString(), "--area", "E06000058", "--published", "2024-04-30",
                "--warehouse", w));
        assertEquals(0, Main.execute("load", "paper", pack.toString(), "--area", "E06000058", "--published", "2024-07-24",
                "--warehouse", w));
        assertEquals(0, Main.execute("load", "actions", plan.toString(), "--plan", "bcp-send-improvement-2023-26",
                "--snapshot", "2024-04-12", "--warehouse", w));
        assertEquals(0, Main.execute("load", "actions", pack.toString(), "--plan", "bcp-send-improvement-2023-26",
                "--snapshot", "2024-05-22", "--warehouse", w));

        Map<String, String> failed = new LinkedHashMap<>();
        Map<String, Integer> rows = new LinkedHashMap<>();
        try (Warehouse wh = Warehouse.openReadOnly(file, true)) {
            List<String> views = PublicViews.names(wh);
            assertTrue(views.size() >= 25, views.toString());
            for (String v : views) {
                try (TimedQuery q = TimedQuery.start(wh.connection(), ReadOnlyQuery.check("SELECT * FROM " + v + " LIMIT 5"),
                        QueryLimits.DEFAULT_TIMEOUT_SECONDS, "--timeout SECONDS")) {
                    ResultSet rs = q.resultSet();
                    int n = 0;
                    while (rs.next()) n++;
                    rows.put(v, n);
                } catch (SQLException e) {
                    failed.put(v, e.getMessage());
                } catch (WarehouseException e) {
                    failed.put(v, e.getMessage());
                }
            }
        }
        assertEquals(Map.of(), failed);
        // the views with that plan shape, and the one built on kpi_trend, have rows to show here
        for (String v : List.of("kpi_trend", "kpi_latest", "benchmark_comparison")) assertEquals(5, rows.get(v), v);
    }
}
