package org.sendscope.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.sendscope.testing.CliRun;

/** {@code sendscope spark}: the job list, and the user's mistakes refused in one line before Spark starts. */
class SparkCommandTest {

    @Test
    void withoutAJobItListsTheJobs() {
        CliRun r = CliRun.of("spark");
        assertEquals(0, r.code(), r.err());
        for (SparkJob j : SparkJobs.all()) assertTrue(r.out().contains(j.name() + " "), r.out());
    }

    @Test
    void anUnknownJobIsRefusedNamingTheJobs() {
        CliRun r = CliRun.of("spark", "comparison", "--input", "in", "--output", "out");
        assertEquals(1, r.code());
        assertTrue(r.err().startsWith("sendscope: no Spark job 'comparison' (jobs: comparisons, trends"), r.err());
    }

    @Test
    void aJobNeedsItsInputAndOutput() {
        CliRun r = CliRun.of("spark", "comparisons", "--output", "out");
        assertEquals(1, r.code());
        assertTrue(r.err().contains("needs --input DIR"), r.err());
    }

    @Test
    void aFormatOtherThanParquetOrCsvIsRefused() {
        CliRun r = CliRun.of("spark", "comparisons", "--input", "in", "--output", "out", "--format", "xlsx");
        assertEquals(1, r.code());
        assertTrue(r.err().contains("--format must be parquet or csv, not 'xlsx'"), r.err());
    }
}
