package org.sendscope.spark;

import static org.apache.spark.sql.functions.lag;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;

/**
 * Each value's series — one measure, area, breakdown and kind of period, in period order — and
 * the period before it in that series: what {@code benchmark_comparison} and {@code kpi_trend}
 * both compare a value with (sql/views/160 and 170 share the window too). Whether that period
 * comes straight before is {@link AnalysisRules#consecutive}.
 */
final class PreviousPeriod {
    private PreviousPeriod() {
    }

    /** The series window, in period order. */
    static WindowSpec series() {
        return Window.partitionBy("measure", "area_code", "breakdown", "period_kind").orderBy("period_start", "period_end");
    }

    /** {@code d} with the previous period's value, label and start added under the names given. */
    static Dataset<Row> add(Dataset<Row> d, String value, String label, String start) {
        WindowSpec w = series();
        return d.withColumn(value, lag("value", 1).over(w))
                .withColumn(label, lag("period_label", 1).over(w))
                .withColumn(start, lag("period_start", 1).over(w));
    }
}
