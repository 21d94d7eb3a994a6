package org.sendscope.spark;

import static org.apache.spark.sql.functions.aggregate;
import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.filter;
import static org.apache.spark.sql.functions.first;
import static org.apache.spark.sql.functions.transform;
import static org.apache.spark.sql.functions.array_sort;
import static org.apache.spark.sql.functions.element_at;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.size;
import static org.apache.spark.sql.functions.when;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.sendscope.analysis.BenchmarkComparison;

/**
 * The statistical neighbours' values of one LA, measure and period, gathered as one sorted array
 * and summarised from it: their count, mean and median. The values are found by position rather
 * than joined: every LA that is some LA's neighbour has a fixed position, each period's values
 * are one array by position (a pivot of a few thousand rows, broadcast), and each LA's
 * neighbours are a list of positions (docs/decisions/0212). Summed in ascending order, the mean is the
 * same to the last bit however Spark split the rows into tasks; {@code avg} adds the tasks'
 * partial sums in the order they arrive, which moved the mean in its last bits between a local and
 * a cluster run (docs/decisions/0199).
 */
final class NeighbourValues {
    private NeighbourValues() {
    }

    /**
     * {@code rows} (an LA's rows, with {@code area_code} and the period's columns) with
     * {@code sn_mean}, {@code sn_median} and {@code sn_n} of its neighbours' values in {@code obs}
     * (NULL when the LA has no neighbours or none has a row in that period).
     */
    static Dataset<Row> beside(Dataset<Row> rows, Dataset<Row> obs, Dataset<Row> neighbours) {
        SparkSession spark = rows.sparkSession();
        Map<String, List<String>> byArea = new LinkedHashMap<>();
        TreeSet<String> codes = new TreeSet<>();
        for (Row r : neighbours.select("area_code", "neighbour_code").collectAsList()) {
            if (r.isNullAt(0) || r.isNullAt(1)) continue;
            byArea.computeIfAbsent(r.getString(0), k -> new ArrayList<>()).add(r.getString(1));
            codes.add(r.getString(1));
        }
        if (codes.isEmpty()) {
            return rows.withColumn("sn_mean", lit(null).cast("double")).withColumn("sn_median", lit(null).cast("double"))
                    .withColumn("sn_n", lit(null).cast("long"));
        }
        Map<String, Integer> position = new LinkedHashMap<>();
        for (String c : codes) position.put(c, position.size());

        List<Row> positionRows = new ArrayList<>();
        position.forEach((c, i) -> positionRows.add(RowFactory.create(c, i)));
        Dataset<Row> positions = spark.createDataFrame(positionRows, new StructType()
                .add("area_code", DataTypes.StringType).add("sn_position", DataTypes.IntegerType));
        List<Row> listRows = new ArrayList<>();
        byArea.forEach((a, ns) -> listRows.add(RowFactory.create(a,
                scala.jdk.javaapi.CollectionConverters.asScala(ns.stream().map(position::get).toList()).toSeq())));
        Dataset<Row> lists = spark.createDataFrame(listRows, new StructType().add("area_code", DataTypes.StringType)
                .add("sn_positions", DataTypes.createArrayType(DataTypes.IntegerType)));

        List<Object> all = new ArrayList<>(position.values());
        Column[] byPosition = position.values().stream().map(i -> col(Integer.toString(i))).toArray(Column[]::new);
        Dataset<Row> values = obs.select(col("area_code"), col("measure"), col("breakdown"), col("period_kind"),
                        col("period_start"), col("period_end"), col("value").cast("double").as("value"))
                .join(broadcast(positions), "area_code")
                .groupBy(ComparisonsJob.cols(ComparisonsJob.PERIOD)).pivot("sn_position", all).agg(first(col("value")))
                .select(concat(ComparisonsJob.cols(ComparisonsJob.PERIOD), array(byPosition).as("sn_all")));

        Column sorted = array_sort(filter(transform(col("sn_positions"), p -> element_at(col("sn_all"), p.plus(1))),
                Column::isNotNull));
        return rows.join(broadcast(lists), new String[] {"area_code"}, "left")
                .join(broadcast(values), ComparisonsJob.names(ComparisonsJob.PERIOD), "left")
                .withColumn("sn_values", when(col("sn_positions").isNotNull(), sorted))
                .withColumn("sn_mean", mean(col("sn_values"))).withColumn("sn_median", median(col("sn_values")))
                .withColumn("sn_n", count(col("sn_values")))
                .drop("sn_positions", "sn_all", "sn_values");
    }

    private static Column[] concat(Column[] a, Column b) {
        Column[] c = java.util.Arrays.copyOf(a, a.length + 1);
        c[a.length] = b;
        return c;
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
