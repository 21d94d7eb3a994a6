package org.sendscope.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The statistic {@code bench spark} reports for its repeated runs. */
class SynthBenchTest {

    @Test
    void theMedianOfTwoRunsIsTheirMeanNotTheSlower() {
        assertEquals(7.0, SynthBench.median(new double[] {8.0, 6.0}), 1e-12);
    }

    @Test
    void theMedianOfAnOddNumberIsTheMiddleRunAndTheInputIsLeftInOrder() {
        double[] runs = {9.0, 5.0, 6.5};
        assertEquals(6.5, SynthBench.median(runs), 1e-12);
        assertEquals(9.0, runs[0], 0.0);
        assertEquals(2.5, SynthBench.median(new double[] {4.0, 1.0, 3.0, 2.0}), 1e-12);
    }
}
