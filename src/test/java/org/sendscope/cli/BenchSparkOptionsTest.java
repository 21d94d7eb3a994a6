package org.sendscope.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.sendscope.testing.CliRun;

/** {@code bench spark} refuses counts it cannot run, naming the option and the value, before it opens anything. */
class BenchSparkOptionsTest {

    @Test
    void noWarmUpRunsIsRefusedWithTheOptionAndItsValue() {
        CliRun r = CliRun.of("bench", "spark", "--warmups", "0", "--warehouse", "/nonexistent/w.duckdb");
        assertEquals(1, r.code(), r.out() + r.err());
        assertTrue(r.err().contains("--warmups must be 1 or more, not 0"), r.err());
    }

    @Test
    void noRepeatsAndNoCoresAreRefusedToo() {
        assertTrue(CliRun.of("bench", "spark", "--repeats", "0").err().contains("--repeats must be 1 or more, not 0"));
        assertTrue(CliRun.of("bench", "spark", "--cores", "0").err().contains("--cores must be 1 or more, not 0"));
    }
}
