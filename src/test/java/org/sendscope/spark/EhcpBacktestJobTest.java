package org.sendscope.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.sendscope.forecast.Backtest;
import org.sendscope.forecast.EhcpForecasting;
import org.sendscope.forecast.PanelLoader;
import org.sendscope.forecast.RollingOrigins;
import org.sendscope.forecast.TestFixtures;
import org.sendscope.testing.LocalSpark;
import org.sendscope.warehouse.Warehouse;

/** The Spark backtest gives the single-machine backtest's table, on a local two-thread session. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EhcpBacktestJobTest {
    /** The run's one local session (two threads), shared with the other Spark tests. */
    SparkSession spark;

    @BeforeAll
    void start() {
        spark = LocalSpark.session();
    }

    @Test
    void theSparkBacktestMatchesTheSingleMachineOne() {
        try (Warehouse w = TestFixtures.warehouse()) {
            int simulations = 100;
            List<Backtest.Row> expected = new EhcpForecasting(PanelLoader.load(w), simulations,
                    RollingOrigins.DEFAULT_WINDOW).backtest(List.of(), 2020, 2022, 3);
            List<Row> actual = EhcpBacktestJob.run(spark, EhcpInputs.fromWarehouse(spark, w), 2020, 2022, 3, simulations)
                    .collectAsList();
            assertEquals(expected.size(), actual.size());
            Map<String, Row> byKey = new HashMap<>();
            for (Row r : actual) byKey.put(r.getString(0) + "|" + r.getInt(1), r);
            for (Backtest.Row e : expected) {
                Row a = byKey.get(e.model() + "|" + e.horizon());
                assertNotNull(a, e.toString());
                String what = e.model() + " h=" + e.horizon();
                assertEquals(e.n(), a.getLong(2), what);
                assertEquals(e.mape(), a.getDouble(3), 1e-9, what);
                assertEquals(e.wape(), a.getDouble(4), 1e-9, what);
                assertEquals(e.bias(), a.getDouble(5), 1e-9, what);
                assertEquals(e.cov80(), a.getDouble(6), 1e-9, what);
                assertEquals(e.cov95(), a.getDouble(7), 1e-9, what);
                assertEquals(e.pinball(), a.getDouble(8), 1e-9, what);
            }
        }
    }
}
