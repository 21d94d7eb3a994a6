package org.sendscope.forecast;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The one calibration both engines feed: which past errors count, the weighted error auto chooses by, the quantiles. */
class CalibrationTest {
    @Test
    void aForecastFrom2020CountsTheLastTwoOriginsWhoseTargetIsKnownAtEachHorizon() {
        Calibration c = new Calibration(2020, 2012, 3, 2);
        // one year ahead: origins 2018 and 2019 (targets 2019, 2020); two: 2017, 2018; three: 2016, 2017
        assertTrue(c.counts(2018, 1) && c.counts(2019, 1));
        assertFalse(c.counts(2017, 1) || c.counts(2020, 1));
        assertTrue(c.counts(2017, 2) && c.counts(2018, 2));
        assertFalse(c.counts(2019, 2) || c.counts(2016, 2));
        assertTrue(c.counts(2016, 3) && c.counts(2017, 3));
        assertFalse(c.counts(2018, 3) || c.counts(2015, 3) || c.counts(2019, 4));
        // no window: every origin from the first
        assertTrue(new Calibration(2020, 2012, 3, 0).counts(2012, 1));
        assertFalse(new Calibration(2020, 2013, 3, 0).counts(2012, 1));
    }

    @Test
    void autoChoosesByTheRecencyWeightedMeanAbsoluteErrorAndATieGoesToTheFirst() {
        Calibration c = new Calibration(2020, 2012, 1, 2);
        // 60 LAs a model and origin; a is 10 % under in 2019 (target 2020, weight 1) and exact in 2018 (target
        // 2019, weight 0.5); b is 5 % under in both. a: (1 × log(1/0.9)) / 1.5 = 0.0702; b: log(1/0.95) = 0.0513.
        for (int i = 0; i < 60; i++) {
            c.add("a", 2019, 1, 90, 100, 1);
            c.add("a", 2018, 1, 100, 100, 1);
            c.add("b", 2019, 1, 95, 100, 1);
            c.add("b", 2018, 1, 95, 100, 1);
            c.add("b_too", 2019, 1, 95, 100, 1);
            c.add("b_too", 2018, 1, 95, 100, 1);
            c.add("few", 2019, 1, 100, 100, 1);
            c.add("a", 2017, 1, 50, 100, 1); // outside the window: ignored
        }
        assertEquals(120, c.summary("a").errors()[0]);
        assertEquals(Math.log(1 / 0.9) / 1.5, c.summary("a").weightedMae()[0], 1e-12);
        assertEquals(Math.log(1 / 0.95), c.summary("b").weightedMae()[0], 1e-12);
        assertEquals("b", c.autoChoice(List.of("a", "b", "b_too"), 1));
        assertEquals("b_too", c.autoChoice(List.of("a", "b_too", "b"), 1), "a tie goes to the first candidate");
        // 60 errors are enough; a model with none is not chosen, and with no model enough the first is
        assertEquals("few", c.autoChoice(List.of("few", "a"), 1), "'few' has 60 errors of 0");
        assertEquals("none", c.autoChoice(List.of("none", "missing"), 1));
    }

    @Test
    void theQuantilesAreThePastAbsoluteScaledErrorsMirroredWhateverTheOrderTheyCameIn() {
        List<double[]> rows = new ArrayList<>();
        // 100 forecasts of 100 whose actual is 100 × e^(k / 100), k = 1..100, scale 0.5
        for (int k = 1; k <= 100; k++) rows.add(new double[] {k, 100 * Math.exp(k / 100.0)});
        Calibration inOrder = new Calibration(2020, 2012, 2, 2);
        for (double[] r : rows) inOrder.add("m", 2019, 1, 100, r[1], 0.5);
        Collections.shuffle(rows, new Random(7));
        Calibration shuffled = new Calibration(2020, 2012, 2, 2);
        for (double[] r : rows) shuffled.add("m", 2019, 1, 100, r[1], 0.5);
        double[] q = inOrder.quantiles("m")[0];
        // scaled errors k / 50 = 0.02 .. 2.00; type 7 takes order statistic 1 + 99p: 80.2 → 1.604, 95.05 → 1.901
        assertArrayEquals(new double[] {-1.901, -1.604, 1.604, 1.901}, q, 1e-9);
        assertArrayEquals(q, shuffled.quantiles("m")[0], 0.0);
        assertEquals(inOrder.summary("m").weightedMae()[0], shuffled.summary("m").weightedMae()[0], 0.0);
        // two years ahead has no errors of its own: the one-year quantiles widened by sqrt(2)
        assertEquals(1.604 * Math.sqrt(2), inOrder.quantiles("m")[1][2], 1e-9);
        assertNull(new Calibration(2020, 2012, 1, 2).quantiles("m")[0]);
    }
}
