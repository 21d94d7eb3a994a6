package org.sendscope.spark;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.sendscope.forecast.Backtest;
import org.sendscope.forecast.EhcpForecasting;
import org.sendscope.forecast.PanelLoader;
import org.sendscope.forecast.RollingOrigins;
import org.sendscope.warehouse.Warehouse;

/**
 * Runs {@link EhcpBacktestJob} on a local session beside the single-machine
 * backtest: its time, and the largest difference between the two tables (which should be
 * rounding only).
 */
public final class SparkBacktestBench {
    /** Seconds for the Spark job (session start excluded) and the largest difference in any figure. */
    public record Result(double sparkSeconds, double sessionSeconds, double maxDifference, int rows) {
    }

    private SparkBacktestBench() {
    }

    /** A local session with sendscope's settings (SparkSessions), its SQL warehouse folder given. */
    public static SparkSession localSession(int threads, String warehouseDir) {
        return SparkSessions.build("local[" + threads + "]", warehouseDir);
    }

    public static Result run(Warehouse w, int from, int to, int horizon, int simulations, String sparkDir) {
        List<Backtest.Row> expected = new EhcpForecasting(PanelLoader.load(w), simulations,
                RollingOrigins.DEFAULT_WINDOW).backtest(List.of(), from, to, horizon);
        long t0 = System.nanoTime();
        SparkSession spark = localSession(2, sparkDir);
        try {
            double session = (System.nanoTime() - t0) / 1e9;
            Result r = compare(spark, w, expected, from, to, horizon, simulations);
            return new Result(r.sparkSeconds(), session, r.maxDifference(), r.rows());
        } finally {
            spark.stop();
        }
    }

    /**
     * The Spark job on a session the caller owns, against a single-machine backtest already
     * computed with the same arguments (the tests compute it once and start Spark once).
     */
    public static Result compare(SparkSession spark, Warehouse w, List<Backtest.Row> expected, int from, int to,
            int horizon, int simulations) {
        EhcpInputs inputs = EhcpInputs.fromWarehouse(spark, w);
        long t1 = System.nanoTime();
        List<Row> rows = EhcpBacktestJob.run(spark, inputs, from, to, horizon, simulations).collectAsList();
        double seconds = (System.nanoTime() - t1) / 1e9;
        Map<String, Row> byKey = new HashMap<>();
        for (Row r : rows) byKey.put(r.getString(0) + "|" + r.getInt(1), r);
        double max = 0;
        for (Backtest.Row e : expected) {
            Row a = byKey.get(e.model() + "|" + e.horizon());
            if (a == null) return new Result(seconds, 0, Double.POSITIVE_INFINITY, rows.size());
            double[] x = {e.n(), e.mape(), e.wape(), e.bias(), e.cov80(), e.cov95(), e.pinball()};
            double[] y = {a.getLong(2), a.getDouble(3), a.getDouble(4), a.getDouble(5), a.getDouble(6),
                    a.getDouble(7), a.getDouble(8)};
            for (int i = 0; i < x.length; i++) max = Math.max(max, Math.abs(x[i] - y[i]));
        }
        if (rows.size() != expected.size()) max = Double.POSITIVE_INFINITY;
        return new Result(seconds, 0, max, rows.size());
    }
}
