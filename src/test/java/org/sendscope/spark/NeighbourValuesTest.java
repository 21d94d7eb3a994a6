package org.sendscope.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.Arrays;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.junit.jupiter.api.Test;
import scala.jdk.javaapi.CollectionConverters;

/** How one period's neighbours' values are laid out by position before each LA looks its own up. */
class NeighbourValuesTest {

    @Test
    void eachValueGoesToItsAreasPositionAndAnAreaWithoutOneLeavesANull() {
        // positions 0, 2 and 3 have rows (3's value suppressed), position 1 has none, in any order
        var found = CollectionConverters.asScala(Arrays.asList(RowFactory.create(2, 5.0), RowFactory.create(0, 1.5),
                RowFactory.create(3, null))).toSeq();
        assertArrayEquals(new Double[] {1.5, null, 5.0, null, null},
                new NeighbourValues.ByPosition(5).call(found));
    }

    @Test
    void aPeriodWithNoNeighboursValuesIsAllNulls() {
        var none = CollectionConverters.asScala(Arrays.<Row>asList()).toSeq();
        assertArrayEquals(new Double[] {null, null}, new NeighbourValues.ByPosition(2).call(none));
    }
}
