package org.sendscope.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import org.sendscope.analysis.ScrutinyQuestion;
import org.sendscope.warehouse.PublicViews;
import org.sendscope.warehouse.Warehouse;

/**
 * {@code sendscope bench queries}: how fast the warehouse answers once loaded — every named
 * scrutiny question warm, {@code benchmark_comparison} for one area, {@code export parquet} of
 * every public view — each beside a trivial query timed in the same process, so that the ratio
 * says how much work the question is whatever the machine's load.
 */
public final class QueryBenchmark {
    private final Warehouse warehouse;

    public QueryBenchmark(Warehouse warehouse) {
        this.warehouse = warehouse;
    }

    /** The reference: a one-row query, round trip through JDBC included (milliseconds, median of rounds). */
    public double reference(int rounds) throws SQLException {
        return median(rounds, () -> drain("SELECT 42", Map.of(), null));
    }

    /** A named question for an area as at a date, warm: one untimed run, then the median of {@code rounds}. */
    public double question(ScrutinyQuestion q, String area, String asOf, int rounds) throws SQLException {
        Map<String, String> params = Map.of("area", area, "as_of", asOf);
        drain(null, params, q);
        return median(rounds, () -> drain(null, params, q));
    }

    /** Any statement, warm. */
    public double query(String sql, int rounds) throws SQLException {
        drain(sql, Map.of(), null);
        return median(rounds, () -> drain(sql, Map.of(), null));
    }

    /** Every public view written as Parquet into {@code dir}, as {@code sendscope export parquet} does (one run). */
    public double exportParquet(Path dir) throws Exception {
        Files.createDirectories(dir);
        long t0 = System.nanoTime();
        try (Statement s = warehouse.connection().createStatement()) {
            for (String v : PublicViews.names(warehouse)) {
                String f = dir.resolve(v + ".parquet").toAbsolutePath().toString().replace("'", "''");
                s.execute("COPY (SELECT * FROM " + v + ") TO '" + f + "' (FORMAT parquet)");
            }
        }
        return (System.nanoTime() - t0) / 1e6;
    }

    private interface Timed {
        void run() throws SQLException;
    }

    private static double median(int rounds, Timed t) throws SQLException {
        double[] ms = new double[Math.max(1, rounds)];
        for (int i = 0; i < ms.length; i++) {
            long t0 = System.nanoTime();
            t.run();
            ms[i] = (System.nanoTime() - t0) / 1e6;
        }
        return org.sendscope.analysis.Quantiles.median(ms);
    }

    /** Runs a statement (or a question) and reads every row, as a client would. */
    private void drain(String sql, Map<String, String> params, ScrutinyQuestion q) throws SQLException {
        Connection c = warehouse.connection();
        try (PreparedStatement p = q != null ? q.prepare(c, params) : c.prepareStatement(sql);
             ResultSet rs = p.executeQuery()) {
            int n = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                for (int i = 1; i <= n; i++) rs.getObject(i);
            }
        }
    }
}
