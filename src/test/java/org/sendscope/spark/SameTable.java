package org.sendscope.spark;

import static org.apache.spark.sql.functions.abs;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.greatest;
import static org.apache.spark.sql.functions.isnan;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.DecimalType;
import org.apache.spark.sql.types.StructField;

/**
 * Two tables compared row by row on a key, in Spark: rows on one side only, repeated keys, and for
 * each column the rows that differ — exactly for text, whole numbers, dates and booleans; for
 * floating point, the largest difference relative to the value's size (|a - b| / max(1, |a|)),
 * a NULL or NaN on one side only counting as differing.
 */
record SameTable(long expectedRows, long actualRows, long onlyExpected, long onlyActual, long repeatedKeys,
        Map<String, Long> differing, Map<String, Double> maxDifference) {

    static SameTable compare(Dataset<Row> expected, Dataset<Row> actual, List<String> key) {
        Dataset<Row> e = expected.select(renamed(expected, "e_")).withColumn("e_present", lit(1));
        Dataset<Row> a = actual.select(renamed(expected, "a_")).withColumn("a_present", lit(1));
        Column on = lit(true);
        for (String k : key) on = on.and(col("e_" + k).eqNullSafe(col("a_" + k)));
        Dataset<Row> j = e.join(a, on, "full_outer");
        Column both = col("e_present").isNotNull().and(col("a_present").isNotNull());
        List<Column> aggs = new ArrayList<>();
        aggs.add(sum(when(col("a_present").isNull(), 1).otherwise(0)));
        aggs.add(sum(when(col("e_present").isNull(), 1).otherwise(0)));
        List<String> compared = new ArrayList<>();
        List<Boolean> floating = new ArrayList<>();
        for (StructField f : expected.schema().fields()) {
            if (key.contains(f.name())) continue;
            Column x = col("e_" + f.name());
            Column y = col("a_" + f.name());
            boolean isFloating = isFloating(f.dataType());
            compared.add(f.name());
            floating.add(isFloating);
            Column differs;
            if (isFloating) {
                Column rel = abs(x.minus(y)).divide(greatest(lit(1.0), abs(x)));
                differs = x.isNull().notEqual(y.isNull()).or(coalesce(isnan(x).notEqual(isnan(y)), lit(false)));
                aggs.add(max(when(both.and(x.isNotNull()).and(isnan(x).unary_$bang()), rel)));
            } else {
                differs = x.eqNullSafe(y).unary_$bang();
            }
            aggs.add(sum(when(both.and(differs), 1).otherwise(0)));
        }
        // The actual table is read once (a job's whole plan runs again on every action): with the
        // expected keys unique, a repeated actual key shows as more joined rows than expected ones.
        Row r = j.agg(count(lit(1)), aggs.toArray(Column[]::new)).first();
        long joined = r.getLong(0);
        long onlyExpected = r.getLong(1);
        long onlyActual = r.getLong(2);
        long expectedRows = expected.count();
        Column[] keys = key.stream().map(org.apache.spark.sql.functions::col).toArray(Column[]::new);
        long repeated = expectedRows - expected.select(keys).distinct().count();
        if (repeated == 0) repeated = joined - onlyActual - expectedRows;
        Map<String, Long> differing = new LinkedHashMap<>();
        Map<String, Double> maxDiff = new LinkedHashMap<>();
        int i = 3;
        for (int c = 0; c < compared.size(); c++) {
            if (floating.get(c)) {
                Object d = r.get(i++);
                maxDiff.put(compared.get(c), d == null ? 0.0 : ((Number) d).doubleValue());
            }
            long n = r.getLong(i++);
            if (n > 0) differing.put(compared.get(c), n);
        }
        return new SameTable(expectedRows, joined - onlyExpected, onlyExpected, onlyActual, repeated, differing, maxDiff);
    }

    /** The largest relative difference in any floating-point column. */
    double largestDifference() {
        return maxDifference.values().stream().mapToDouble(Double::doubleValue).max().orElse(0);
    }

    private static Column[] renamed(Dataset<Row> like, String prefix) {
        return Arrays.stream(like.columns()).map(c -> col(c).as(prefix + c)).toArray(Column[]::new);
    }

    private static boolean isFloating(DataType t) {
        return t.equals(DataTypes.DoubleType) || t.equals(DataTypes.FloatType) || t instanceof DecimalType;
    }
}
