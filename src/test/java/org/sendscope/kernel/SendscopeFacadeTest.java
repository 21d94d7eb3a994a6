package org.sendscope.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.sendscope.testing.SharedWarehouse;
import org.sendscope.testing.SharedWarehouse.Contents;
import tech.tablesaw.api.Table;

/** The notebook facade's analyses on the real SEN2 releases and neighbour list. */
@ExtendWith(SharedWarehouse.class)
class SendscopeFacadeTest {

    /** On both SEN2 releases and the May 2025 neighbours, each loaded by its {@code sendscope load} command. */
    @Test
    void trendCompareAndForecastReadLikeTheQuestion(@SharedWarehouse.Copy(Contents.SEN2_NEIGHBOURS) Path w) {
        Sendscope s = Sendscope.open(w);
        try {
            // caseload.csv: BCP 2,448 (Jan 2020) … 3,266 (Jan 2023).
            Table trend = s.trend("ehc_plans", "E06000058");
            assertEquals(3266, trend.doubleColumn("value").getDouble(trend.rowCount() - 1));
            assertEquals(3266 - 2448, trend.doubleColumn("change_baseline").getDouble(trend.rowCount() - 1), 1e-9);

            // timeliness_20_week.csv 2022: BCP 6.7%, 143 LAs higher of 147 with a value; neighbours'
            // mean 53.8 over the 9 of its 10 May-2025 neighbours with a value (see RealBenchmarksTest).
            Table compare = s.compare("ehc_20wk_pct_incl_exc", "E06000058");
            Table y2022 = compare.where(compare.stringColumn("period_label").isEqualTo("2022"));
            assertEquals(6.7, y2022.doubleColumn("value").getDouble(0), 1e-9);
            assertEquals(144, y2022.intColumn("rank").getInt(0));
            assertEquals(147, y2022.intColumn("n_ranked").getInt(0));
            assertEquals("D", y2022.stringColumn("quartile").get(0));
            assertEquals(53.8, y2022.doubleColumn("sn_mean").getDouble(0), 0.05);
            assertEquals(9, y2022.intColumn("sn_n").getInt(0));

            Table forecast = s.forecast(2023, 2, "E06000058", "E06000055");
            assertEquals(4, forecast.rowCount());
            for (int i = 0; i < forecast.rowCount(); i++) {
                double lo95 = forecast.doubleColumn("lo95").getDouble(i);
                double lo80 = forecast.doubleColumn("lo80").getDouble(i);
                double point = forecast.doubleColumn("point").getDouble(i);
                double hi80 = forecast.doubleColumn("hi80").getDouble(i);
                double hi95 = forecast.doubleColumn("hi95").getDouble(i);
                assertTrue(lo95 <= lo80 && lo80 < point && point < hi80 && hi80 <= hi95, forecast.row(i).toString());
            }
            // From BCP's 3,266 in January 2023, a year on is more than the last January and less than 1.5 times it.
            double bcp2024 = forecast.where(forecast.stringColumn("area_code").isEqualTo("E06000058")
                    .and(forecast.intColumn("target_year").isEqualTo(2024))).doubleColumn("point").getDouble(0);
            assertTrue(bcp2024 > 3266 && bcp2024 < 1.5 * 3266, "BCP January 2024: " + bcp2024);
        } finally {
            Sendscope.closeAll();
        }
    }
}
