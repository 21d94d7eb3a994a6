package org.sendscope.spark;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_list;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.element_at;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sort_array;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.udf;
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
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.sendscope.analysis.BenchmarkComparison;
import scala.collection.Iterator;
import scala.collection.Seq;

/**
 * The statistical neighbours' values of one LA, measure and period, gathered as one sorted array
 * and summarised from it: their count, mean and median. The values are found by position rather
 * than joined: every LA that is some LA's neighbour has a fixed position, each period's values
 * are one array by position (a few thousand rows, broadcast), and each LA's
 * neighbours are columns of positions, looked up, sorted and summed by compiled expressions rather
 * than lambdas, which Spark interprets (docs/decisions/0212, 0213, 0217). Summed in ascending order, the mean is the
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
        int most = byArea.values().stream().mapToInt(List::size).max().orElse(0);
        StructType listType = new StructType().add("area_code", DataTypes.StringType);
        for (int k = 1; k <= most; k++) listType = listType.add("sn_p" + k, DataTypes.IntegerType);
        List<Row> listRows = new ArrayList<>();
        byArea.forEach((a, ns) -> {
            Object[] r = new Object[most + 1];
            r[0] = a;
            for (int k = 0; k < ns.size(); k++) r[k + 1] = position.get(ns.get(k)) + 1;
            listRows.add(RowFactory.create(r));
        });
        Dataset<Row> lists = spark.createDataFrame(listRows, listType);

        // each period's values as one array by position: gathered with collect_list (its partial
        // lists made before the shuffle) and laid out by ByPosition, rather than pivoted, whose
        // second aggregation Spark runs row by row without generated code (docs/decisions/0217)
        Dataset<Row> values = obs.select(col("area_code"), col("measure"), col("breakdown"), col("period_kind"),
                        col("period_start"), col("period_end"), col("value").cast("double").as("value"))
                .join(broadcast(positions), "area_code")
                .groupBy(ComparisonsJob.cols(ComparisonsJob.PERIOD))
                .agg(collect_list(struct(col("sn_position"), col("value"))).as("sn_found"))
                .select(concat(ComparisonsJob.cols(ComparisonsJob.PERIOD),
                        udf(new ByPosition(position.size()), DataTypes.createArrayType(DataTypes.DoubleType))
                                .apply(col("sn_found")).as("sn_all")));

        // each neighbour's value, NULL where it has none; sorted, the NULLs come first
        Column[] found = new Column[most];
        String[] drop = new String[most + 1];
        for (int k = 1; k <= most; k++) {
            found[k - 1] = element_at(col("sn_all"), col("sn_p" + k));
            drop[k - 1] = "sn_p" + k;
        }
        drop[most] = "sn_all";
        Column n = lit(0);
        for (Column v : found) n = n.plus(when(v.isNotNull(), 1).otherwise(0));
        return rows.join(broadcast(lists), new String[] {"area_code"}, "left")
                .join(broadcast(values), ComparisonsJob.names(ComparisonsJob.PERIOD), "left")
                .withColumn("sn_sorted", sort_array(array(found)))
                .withColumn("sn_n", n.cast("long"))
                .withColumn("sn_mean", mean(col("sn_sorted"), col("sn_n"), most))
                .withColumn("sn_median", median(col("sn_sorted"), col("sn_n"), most))
                .drop(drop).drop("sn_sorted");
    }

    /**
     * One period's (position, value) pairs as an array of {@code size} values indexed by position,
     * NULL where the LA at that position has no row (an LA has one row a period: observations' key).
     */
    static final class ByPosition implements UDF1<Seq<Row>, Double[]> {
        private static final long serialVersionUID = 1L;
        private final int size;

        ByPosition(int size) {
            this.size = size;
        }

        @Override
        public Double[] call(Seq<Row> found) {
            Double[] byPosition = new Double[size];
            Iterator<Row> it = found.iterator();
            while (it.hasNext()) {
                Row r = it.next();
                if (!r.isNullAt(1)) byPosition[r.getInt(0)] = r.getDouble(1);
            }
            return byPosition;
        }
    }

    private static Column[] concat(Column[] a, Column b) {
        Column[] c = java.util.Arrays.copyOf(a, a.length + 1);
        c[a.length] = b;
        return c;
    }

    /**
     * Their mean: the {@code n} values of {@code sorted} (an array of {@code size}, its NULLs
     * first) summed smallest first, as {@code aggregate} over the values alone would, the NULLs
     * adding nothing; NULL when none had a value.
     */
    static Column mean(Column sorted, Column n, int size) {
        Column sum = lit(0.0);
        for (int i = 1; i <= size; i++) sum = sum.plus(coalesce(element_at(sorted, i), lit(0.0)));
        return when(n.gt(0), sum.divide(n));
    }

    /**
     * Their median (type 7: the middle value, or halfway between the middle two), and NULL from
     * fewer neighbours than the view allows (a "median" of one or two LAs).
     */
    static Column median(Column sorted, Column n, int size) {
        Column nulls = lit(size).minus(n);
        Column lower = element_at(sorted, nulls.plus(n.plus(1).divide(2).cast("int")).cast("int"));
        Column upper = element_at(sorted, nulls.plus(n.divide(2).plus(1).cast("int")).cast("int"));
        return when(n.geq(BenchmarkComparison.MIN_NEIGHBOURS_FOR_MEDIAN),
                when(n.mod(2).equalTo(1), lower).otherwise(lower.plus(upper).divide(2)));
    }
}
