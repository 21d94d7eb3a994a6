package org.sendscope.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.sendscope.testing.LocalSpark;

/** The equality tests' comparison sees a missing row, an extra row, a repeated key, a changed word and a changed number. */
class SameTableTest {
    static final StructType T = new StructType().add("k", DataTypes.StringType).add("word", DataTypes.StringType)
            .add("x", DataTypes.DoubleType);

    @Test
    void everyKindOfDifferenceIsCounted() {
        SparkSession spark = LocalSpark.session();
        Dataset<Row> e = spark.createDataFrame(List.of(RowFactory.create("a", "flat", 100.0),
                RowFactory.create("b", "red", 2.0), RowFactory.create("c", null, null)), T);
        Dataset<Row> same = spark.createDataFrame(List.of(RowFactory.create("c", null, null),
                RowFactory.create("a", "flat", 100.0 + 1e-12), RowFactory.create("b", "red", 2.0)), T);
        SameTable s = SameTable.compare(e, same, List.of("k"));
        assertEquals(new SameTable(3, 3, 0, 0, 0, Map.of(), s.maxDifference()), s);
        assertEquals(1e-14, s.largestDifference(), 1e-15);

        Dataset<Row> a = spark.createDataFrame(List.of(RowFactory.create("a", "amber", 100.5),
                RowFactory.create("c", null, 1.0), RowFactory.create("c", null, null), RowFactory.create("d", "red", 2.0)), T);
        SameTable d = SameTable.compare(e, a, List.of("k"));
        assertEquals(1, d.onlyExpected());     // b
        assertEquals(1, d.onlyActual());       // d
        assertEquals(1, d.repeatedKeys());     // c twice
        assertEquals(Map.of("word", 1L, "x", 1L), d.differing());   // a's word; c's NULL against 1.0
        assertEquals(0.005, d.largestDifference(), 1e-12);          // a: 0.5 on 100
    }
}
