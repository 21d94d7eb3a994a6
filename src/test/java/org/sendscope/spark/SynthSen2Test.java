package org.sendscope.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.sendscope.testing.CliRun;
import org.sendscope.testing.LocalSpark;
import org.sendscope.testing.SharedWarehouse;
import org.sendscope.warehouse.Warehouse;

/**
 * {@code sendscope synth sen2} on four LAs and five years of the real SEN2 releases: the records
 * add up to the published figures (the {@code aggregate} job on Spark, and DuckDB on the same
 * Parquet, give them back), do not depend on the partitioning, and say they are synthetic.
 */
@ExtendWith(SharedWarehouse.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SynthSen2Test {
    /** BCP, Hull, Bedford, and York (whose 2022 new plans total is not the sum of its ages). */
    static final String AREAS = "E06000058,E06000010,E06000055,E06000014";
    static final Set<String> AREA_SET = Set.of(AREAS.split(","));

    SparkSession spark;
    Path warehouse;
    Path out;
    String printed;
    Map<String, Double> aggregated = new HashMap<>();

    @BeforeAll
    void generate(@SharedWarehouse.Copy(SharedWarehouse.Contents.SEN2) Path copy, @TempDir Path dir) {
        spark = LocalSpark.session();
        warehouse = copy;
        out = dir.resolve("synth");
        CliRun r = CliRun.of("synth", "sen2", "--warehouse", copy.toString(), "--areas", AREAS, "--years", "2019-2025",
                "--out", out.toString(), "--partitions", "3");
        assertEquals(0, r.code(), r.err());
        printed = r.out();
        for (Row row : AggregateJob.aggregate(spark.read().parquet(out.resolve(SynthRecords.DATASET).toString()))
                .collectAsList()) {
            aggregated.put(key(row.getString(0), row.getString(1), row.getString(2), row.getString(3),
                    ((java.sql.Date) row.get(6)).toLocalDate().getYear()), row.getDouble(7));
        }
    }

    static String key(String area, String measure, String breakdown, String kind, int year) {
        return area + "|" + measure + "|" + breakdown + "|" + kind + "|" + year;
    }

    /** The published cells the generator is shaped by, read here on their own (not through SynthTargets). */
    record Published(String key, String group, String dimension, double value, double excess) {
        boolean overfull() {
            return excess > 0;
        }
    }

    List<Published> published() throws Exception {
        String sql = """
                WITH cells AS (
                  SELECT o.area_code, o.measure, o.breakdown, o.period_kind, year(o.period_end) AS y, b.dimension,
                         o.value, o.status
                  FROM observations o JOIN breakdowns b USING (breakdown)
                  WHERE o.level = 'local_authority' AND year(o.period_end) BETWEEN 2019 AND 2025
                    AND ((o.measure = 'ehc_plans' AND o.period_kind = 'census_january'
                          AND (b.dimension = 'total' OR (b.dimension IN ('age', 'placement') AND b.is_group)))
                      OR (o.measure = 'ehc_plans_new' AND o.period_kind = 'calendar_year'
                          AND (b.dimension IN ('total', 'age') OR (b.dimension = 'placement' AND b.is_group)))
                      OR (o.measure IN ('ehc_requests', 'ehc_requests_refused', 'ehc_assessments_plan_issued',
                                        'ehc_assessments_plan_not_issued', 'ehc_assessments_no_decision')
                          AND o.period_kind = 'calendar_year' AND b.dimension = 'total')
                      OR (o.measure = 'ehc_plans_ceased' AND o.period_kind = 'calendar_year'
                          AND (b.dimension = 'total' OR (b.dimension = 'reason' AND b.is_group))))),
                sums AS (
                  SELECT c.area_code, c.measure, c.y, c.dimension, sum(c.value) AS s, any_value(t.value) AS total
                  FROM cells c JOIN cells t ON t.area_code = c.area_code AND t.measure = c.measure AND t.y = c.y
                                           AND t.dimension = 'total' AND t.status = 'reported'
                  WHERE c.dimension <> 'total' AND c.status = 'reported' GROUP BY ALL)
                SELECT c.area_code, c.measure, c.breakdown, c.period_kind, c.y, c.dimension, c.value,
                       coalesce(greatest(s.s - s.total, 0), 0)
                FROM cells c LEFT JOIN sums s USING (area_code, measure, y, dimension)
                WHERE c.status = 'reported' ORDER BY ALL
                """;
        List<Published> out = new ArrayList<>();
        try (Warehouse w = Warehouse.openReadOnly(warehouse); Statement s = w.connection().createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                if (!AREA_SET.contains(rs.getString(1))) continue;
                out.add(new Published(key(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getInt(5)),
                        rs.getString(1) + "|" + rs.getString(2) + "|" + rs.getInt(5) + "|" + rs.getString(6),
                        rs.getString(6), rs.getDouble(7), rs.getDouble(8)));
            }
        }
        return out;
    }

    @Test
    void theAggregateJobGivesBackEveryPublishedFigureThatFitsItsTotal() throws Exception {
        List<Published> cells = published();
        int exact = 0;
        Map<String, Double> shortBy = new HashMap<>();
        Map<String, Double> excess = new HashMap<>();
        for (Published p : cells) {
            double got = aggregated.getOrDefault(p.key(), 0.0);
            if (p.overfull()) {
                // SEN2's placement groups sometimes add up to more than the plans (docs/decisions/0197):
                // those cells come back short, never over, and short by exactly their excess
                assertEquals("placement", p.dimension(), p.key());
                assertTrue(got <= p.value(), p.key());
                shortBy.merge(p.group(), p.value() - got, Double::sum);
                excess.put(p.group(), p.excess());
                continue;
            }
            assertEquals(p.value(), got, 0.0, p.key());
            exact++;
        }
        assertTrue(exact > 500, "cells given back: " + exact);
        // with NEET counted inside educated elsewhere (docs/decisions/0216), no placement groups are
        // over-full in 2019-2023: every published cell comes back exactly
        assertEquals(Map.of(), excess);
        assertEquals(excess, shortBy);
        // figures a person can find in the releases: BCP's plans in January 2023 (caseload.csv) and its
        // new plans in 2022 (newplans.csv: 407, 57 of them aged 4); York's 2022 new plans as loaded: its
        // own 100 (its rows by sex, lines 2567-2568), not the region's 6,078 its line carries (0215)
        assertEquals(3266, aggregated.get(key("E06000058", "ehc_plans", "total", "census_january", 2023)));
        assertEquals(407, aggregated.get(key("E06000058", "ehc_plans_new", "total", "calendar_year", 2022)));
        assertEquals(57, aggregated.get(key("E06000058", "ehc_plans_new", "age:4", "calendar_year", 2022)));
        assertEquals(100, aggregated.get(key("E06000014", "ehc_plans_new", "total", "calendar_year", 2022)));
    }

    @Test
    void duckDbCountsTheSameParquetToTheSameRows() throws Exception {
        Dataset<Row> spark = AggregateJob.aggregate(this.spark.read().parquet(out.resolve(SynthRecords.DATASET).toString()));
        Set<String> fromSpark = new HashSet<>();
        for (Row r : spark.collectAsList()) fromSpark.add(r.mkString("|"));
        Set<String> fromDuckDb = new HashSet<>();
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(AggregateDuckDb.sql(out.resolve(SynthRecords.DATASET) + "/*.parquet"))) {
            while (rs.next()) {
                StringBuilder b = new StringBuilder();
                for (int i = 1; i <= 10; i++) b.append(i > 1 ? "|" : "").append(rs.getObject(i));
                fromDuckDb.add(b.toString());
            }
        }
        assertEquals(fromSpark.size(), fromDuckDb.size());
        assertEquals(fromSpark, fromDuckDb);
    }

    @Test
    void sparkAggregateWritesTheSameRowsWithItsManifest(@TempDir Path dir) throws Exception {
        Path jobOut = dir.resolve("agg");
        CliRun r = CliRun.of("spark", "aggregate", "--input", out.toString(), "--output", jobOut.toString());
        assertEquals(0, r.code(), r.err());
        String written = jobOut.resolve(AggregateJob.OUTPUT) + "/*.parquet";
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement s = c.createStatement()) {
            for (String[] pair : new String[][] {{"SELECT * FROM read_parquet('" + written + "')",
                    AggregateDuckDb.sql(out.resolve(SynthRecords.DATASET) + "/*.parquet")}}) {
                try (ResultSet rs = s.executeQuery("SELECT (SELECT count(*) FROM (" + pair[0] + ")), "
                        + "(SELECT count(*) FROM ((" + pair[0] + ") EXCEPT ALL (" + pair[1] + "))), "
                        + "(SELECT count(*) FROM ((" + pair[1] + ") EXCEPT ALL (" + pair[0] + ")))")) {
                    rs.next();
                    assertEquals(aggregated.size(), rs.getLong(1));
                    assertEquals(0, rs.getLong(2));
                    assertEquals(0, rs.getLong(3));
                }
            }
        }
        JsonNode m = new ObjectMapper().readTree(jobOut.resolve(JobRunner.MANIFEST).toFile());
        assertEquals("aggregate", m.get("job").asText());
        assertTrue(m.get("input_files").size() >= 1);
    }

    @Test
    void theRecordsDoNotDependOnThePartitioningButOnTheSeed() {
        List<SynthTargets.AreaTargets> targets;
        try (Warehouse w = Warehouse.openReadOnly(warehouse)) {
            targets = SynthTargets.read(w, Set.of("E06000058", "E06000055"), 2021, 2023);
        }
        Dataset<Row> one = SynthSen2.records(spark, targets, 7, 1, 1);
        Dataset<Row> three = SynthSen2.records(spark, targets, 7, 1, 3);
        Dataset<Row> otherSeed = SynthSen2.records(spark, targets, 8, 1, 2);
        long n = one.count();
        assertEquals(SynthTargets.records(targets, 1), n);
        assertEquals(0, one.exceptAll(three).count());
        assertEquals(0, three.exceptAll(one).count());
        assertNotEquals(0, one.exceptAll(otherSeed).count());
        // another seed deals the children differently but adds up to the same figures
        assertEquals(0, AggregateJob.aggregate(one).exceptAll(AggregateJob.aggregate(otherSeed)).count());
    }

    @Test
    void everyRowAndFileSaysItIsSynthetic() throws Exception {
        Dataset<Row> rows = spark.read().parquet(out.resolve(SynthRecords.DATASET).toString());
        assertEquals(0, rows.where("NOT synthetic").count());
        JsonNode m = new ObjectMapper().readTree(out.resolve(SynthRecords.MANIFEST).toFile());
        assertTrue(m.get("synthetic").asBoolean());
        assertEquals(rows.count(), m.get("rows").asLong());
        assertEquals(1, m.get("seed").asLong());
        assertEquals(2, m.get("loads").size());
        assertEquals(64, m.get("loads").get(0).get("sha256").asText().length());
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT count(*) FROM parquet_kv_metadata('" + out.resolve(SynthRecords.DATASET)
                        + "/*.parquet') WHERE decode(value) LIKE '%" + SynthRecords.LABEL + "%'")) {
            rs.next();
            assertEquals(Files.list(out.resolve(SynthRecords.DATASET)).filter(p -> p.toString().endsWith(".parquet")).count(),
                    rs.getLong(1));
        }
        for (Row r : AggregateJob.aggregate(rows).select("synthetic").distinct().collectAsList()) assertTrue(r.getBoolean(0));
        // 2024 and 2025 are not in the releases: the command says it left them out
        assertTrue(printed.contains("no published SEN2 figures for [2024, 2025]"), printed);
    }

    @Test
    void aFullRunIsAtLeastSixMillionPersonYears() {
        try (Warehouse w = Warehouse.openReadOnly(warehouse)) {
            List<SynthTargets.AreaTargets> all = SynthTargets.read(w, Set.of(), 1900, 2999);
            assertTrue(SynthTargets.records(all, 1) >= 6_000_000, "rows: " + SynthTargets.records(all, 1));
            // the caseload alone is the sum of the published January totals of every LA, 2010-2023
            long caseload = 0;
            for (SynthTargets.AreaTargets a : all) {
                for (SynthTargets.Target t : a.targets()) if (t.kind() == SynthRecords.Kind.CASELOAD) caseload += t.records(1);
            }
            assertEquals(4_426_647, caseload);
        }
    }

    @Test
    void mistakesOnTheCommandLineAreOneLine() {
        CliRun years = CliRun.of("synth", "sen2", "--warehouse", warehouse.toString(), "--years", "2025-2015", "--out", "x");
        assertEquals(1, years.code());
        assertTrue(years.err().contains("--years 2025-2015: the first year is after the last"), years.err());
        CliRun area = CliRun.of("synth", "sen2", "--warehouse", warehouse.toString(), "--areas", "E06999999", "--out", "x");
        assertEquals(1, area.code());
        assertEquals(1, area.err().strip().lines().count(), area.err());
    }
}
