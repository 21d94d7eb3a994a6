package org.sendscope.spark;

import static org.apache.spark.sql.functions.aggregate;
import static org.apache.spark.sql.functions.array_sort;
import static org.apache.spark.sql.functions.collect_list;
import static org.apache.spark.sql.functions.element_at;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.size;
import static org.apache.spark.sql.functions.when;

import org.apache.spark.sql.Column;
import org.sendscope.analysis.BenchmarkComparison;

/**
 * The statistical neighbours' values of one LA, measure and period, gathered as one sorted array
 * and summarised from it: their count, mean and median. Summed in ascending order, the mean is the
 * same to the last bit however Spark split the rows into tasks; {@code avg} adds the tasks'
 * partial sums in the order they arrive, which moved the mean in its last bits between a local and
 * a cluster run (docs/decisions/0199).
 */
final class NeighbourValues {
    private NeighbourValues() {
    }

    /** The aggregate: the non-NULL values, ascending. */
    static Column sorted(Column value) {
        return array_sort(collect_list(value.cast("double")));
    }

    /** How many neighbours had a value. */
    static Column count(Column sorted) {
        return size(sorted).cast("long");
    }

    /** Their mean, summed smallest first; NULL when none had a value. */
    static Column mean(Column sorted) {
        Column n = size(sorted);
        return when(n.gt(0), aggregate(sorted, lit(0.0), (sum, x) -> sum.plus(x)).divide(n));
    }

    /**
     * Their median (type 7: the middle value, or halfway between the middle two), and NULL from
     * fewer neighbours than the view allows (a "median" of one or two LAs).
     */
    static Column median(Column sorted) {
        Column n = size(sorted);
        Column lower = element_at(sorted, n.plus(1).divide(2).cast("int"));
        Column upper = element_at(sorted, n.divide(2).plus(1).cast("int"));
        return when(n.geq(BenchmarkComparison.MIN_NEIGHBOURS_FOR_MEDIAN),
                when(n.mod(2).equalTo(1), lower).otherwise(lower.plus(upper).divide(2)));
    }
}
