package org.sendscope.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.sendscope.forecast.PanelLoader;
import org.sendscope.testing.LocalSpark;
import org.sendscope.testing.SharedWarehouse;
import org.sendscope.warehouse.Warehouse;

/**
 * {@code spark simulate} with seed 7 gives what the same batches give run one after another on one
 * machine ({@link PlanSimulation#run}), whether its 4 batches an LA are spread over 3 tasks or 11:
 * the same LAs and years, the same number of simulations, every percentile within 1e-12 and the
 * mean within 1e-12 of its size (the sums run in another order).
 */
@ExtendWith(SharedWarehouse.class)
class SimulateJobTest {
    static Path warehouse;
    static Path export;

    @BeforeAll
    static void export(@SharedWarehouse.Copy(SharedWarehouse.Contents.NOTEBOOKS) Path w) {
        warehouse = w;
        export = Exported.of("NOTEBOOKS", w);
    }

    @Test
    void theSpreadIsTheSingleMachineOnesForTheSameSeedsHoweverPartitioned() {
        SparkSession spark = LocalSpark.session();
        int origin = 2023, horizon = 3, simulations = 200, batches = 4;
        long seed = 7;
        List<PlanSimulation.Spread> expected;
        try (Warehouse w = Warehouse.openReadOnly(warehouse)) {
            expected = PlanSimulation.run(PanelLoader.load(w), origin, horizon, simulations, batches, seed);
        }
        EhcpInputs in = EhcpInputs.fromExport(spark, JobArgs.of(export.toString(), "unused", OutputFormat.parquet));
        double largest = 0;
        for (int partitions : new int[] {3, 11}) {
            List<Row> actual = SimulateJob.simulate(spark, in, origin, horizon, simulations, batches, seed, partitions)
                    .collectAsList();
            assertEquals(expected.size(), actual.size());
            Map<String, Row> byKey = new HashMap<>();
            for (Row r : actual) byKey.put(r.getString(0) + "|" + r.getInt(3), r);
            for (PlanSimulation.Spread e : expected) {
                String what = e.areaCode() + " " + e.targetYear() + " on " + partitions + " tasks";
                Row a = byKey.get(e.areaCode() + "|" + e.targetYear());
                assertNotNull(a, what);
                assertEquals(simulations, a.getLong(4), what);
                double[] x = {e.mean(), e.p05(), e.p10(), e.p50(), e.p90(), e.p95()};
                for (int i = 0; i < x.length; i++) {
                    double d = Math.abs(x[i] - a.getDouble(5 + i)) / Math.max(1, Math.abs(x[i]));
                    largest = Math.max(largest, d);
                    assertTrue(d <= 1e-12, what + " column " + (5 + i) + ": " + x[i] + " against " + a.getDouble(5 + i));
                }
            }
        }
        assertTrue(expected.size() > 400, "spreads: " + expected.size());
        System.out.println("simulate: " + expected.size() + " rows, largest relative difference " + largest);
    }

    @Test
    void aBatchDrawsTheSamePathsWhateverElseRan() {
        // BCP from January 2023: a batch is a function of its seed alone
        try (Warehouse w = Warehouse.openReadOnly(warehouse)) {
            var p = PanelLoader.load(w).asOf(2023);
            PlanSimulation s = PlanSimulation.of(p.area("E06000058"), 2023);
            long seed = PlanSimulation.seed(7, "E06000058", 2);
            double[][] first = s.batch(seed, 50, 3);
            s.batch(PlanSimulation.seed(7, "E06000058", 1), 50, 3);
            assertEquals(java.util.Arrays.deepToString(first), java.util.Arrays.deepToString(s.batch(seed, 50, 3)));
            // and another batch's seed draws other paths
            assertTrue(first[0][0] != s.batch(PlanSimulation.seed(7, "E06000058", 3), 50, 3)[0][0]);
        }
    }
}
