package org.sendscope.spark;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The single-machine reference for the {@code aggregate} job: the same cells
 * ({@link AggregateCells}) counted by DuckDB straight from the Parquet files, the benchmark's
 * yardstick and the equality tests' other side.
 */
public final class AggregateDuckDb {
    private AggregateDuckDb() {
    }

    /** The output's columns from a grouped row (record, area_code, year, measure, breakdown, n, synthetic). */
    static String[] outputColumns() {
        String kind = AggregateCells.periodKind();
        return new String[] {"area_code", "measure", "breakdown", kind + " AS period_kind",
                "CAST(year AS STRING) AS period_label", "make_date(year, 1, 1) AS period_start",
                "CASE WHEN " + kind + " = 'census_january' THEN make_date(year, 1, 31) ELSE make_date(year, 12, 31) END"
                        + " AS period_end",
                "CAST(n AS DOUBLE) AS value", "'reported' AS status", "synthetic"};
    }

    /** The query over {@code parquetGlob} (e.g. {@code DIR/sen2_records/*.parquet}). */
    public static String sql(String parquetGlob) {
        String[] cols = outputColumns();
        // DuckDB spells Spark's STRING as VARCHAR
        cols[4] = "CAST(year AS VARCHAR) AS period_label";
        return "SELECT " + String.join(", ", cols) + " FROM ("
                + "SELECT record, area_code, year, cell.measure AS measure, cell.breakdown AS breakdown, "
                + "count(*) AS n, bool_and(synthetic) AS synthetic FROM ("
                + "SELECT record, area_code, year, synthetic, unnest(" + AggregateCells.duckdbList() + ") AS cell "
                + "FROM read_parquet('" + parquetGlob.replace("'", "''") + "')) "
                + "WHERE cell.measure IS NOT NULL GROUP BY ALL)";
    }

    /** Runs the aggregation into a table {@code name} of {@code c} (replacing it); returns its rows. */
    public static long into(Connection c, String name, String parquetGlob) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("CREATE OR REPLACE TABLE " + name + " AS " + sql(parquetGlob));
            try (var rs = s.executeQuery("SELECT count(*) FROM " + name)) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
