package org.sendscope.ingest.ees;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipFile;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.sendscope.ees.DataSetMeta;
import org.sendscope.ingest.LoadResult;
import org.sendscope.ingest.ResourceTable;
import org.sendscope.testing.SharedData;
import org.sendscope.testing.SharedWarehouse;
import org.sendscope.testing.SharedWarehouse.Contents;
import org.sendscope.warehouse.Warehouse;

/**
 * The SEN2 loader and the EES loader agree on the SEN2 CSVs both can read: four files of the
 * shared 2025 release (requests, assessments, 20-week timeliness, new plans), read in place and
 * loaded by the EES loader beside the SEN2 loader's own load of the same release. Every value
 * SEN2's vocabulary maps (sen2_columns.tsv) is the same number with the same status for the same
 * area and year; the new-plans rows by sex, age and ethnicity, which cross the file's two filters,
 * are kept out by the EES loader and counted.
 *
 * <p>The metadata is written here as the EES API would give it for these files: the filters
 * {@code breakdown_topic} and {@code breakdown} with the options each file has, the headline option
 * (the one a headline row names as both its topic and its breakdown, "New EHC plans") marked
 * {@code isAggregate}, each other column an indicator, a percentage to 1 decimal place where its
 * name has a {@code pc} part, else a whole number.
 */
@ExtendWith(SharedWarehouse.class)
class Sen2AgreementTest {
    private static final String ZIP = "ehc-plans/education-health-and-care-plans_2025_to-jan-2023.zip";
    private static final List<String> GEOGRAPHY = List.of("time_period", "time_identifier", "geographic_level", "country_code",
            "country_name", "region_code", "region_name", "new_la_code", "old_la_code", "la_name");
    /** file → a made-up data set id (distinct first 8 characters, so distinct measure codes). */
    private static final Map<String, String> FILES = new LinkedHashMap<>();

    static {
        FILES.put("requests", "5e2a0001-0000-4000-8000-000000000001");
        FILES.put("assessments", "5e2a0002-0000-4000-8000-000000000002");
        FILES.put("timeliness_20_week", "5e2a0003-0000-4000-8000-000000000003");
        FILES.put("newplans", "5e2a0004-0000-4000-8000-000000000004");
    }

    @Test
    void bothLoadersGiveTheSameValues(@SharedWarehouse.Copy(Contents.SEN2) Path warehouse, @TempDir Path cache) throws Exception {
        Map<String, Path> folders = new LinkedHashMap<>();
        try (ZipFile z = new ZipFile(SharedData.dfe(ZIP).toFile())) {
            for (var e : FILES.entrySet()) {
                byte[] csv = z.getInputStream(z.getEntry("data/" + e.getKey() + ".csv")).readAllBytes();
                folders.put(e.getKey(), CacheFolder.write(cache, e.getValue(), "1.0", "SEN2 " + e.getKey() + " (2025 release)",
                        "2025-06-26T09:30:00+01:00", csv, meta(csv)));
            }
        }
        List<String> problems = new ArrayList<>();
        try (Warehouse w = Warehouse.open(warehouse)) {
            Map<String, LoadResult> loads = new LinkedHashMap<>();
            for (var f : folders.entrySet()) loads.put(f.getKey(), new EesLoader().load(w, f.getValue()));
            long agreed = 0;
            try (Statement s = w.connection().createStatement()) {
                for (String file : FILES.keySet()) {
                    String pairs = pairs(file);
                    String sql = """
                            WITH m (column_name, sen2_measure, sen2_breakdown) AS (VALUES %s),
                            ees AS (SELECT o.area_code, o.period_label, m.sen2_measure, m.sen2_breakdown, o.value, o.status
                                    FROM observation_fact o JOIN m ON o.measure = '%s' || lower(m.column_name)
                                    WHERE o.load_id = %d AND o.breakdown = 'total'),
                            sen2 AS (SELECT o.area_code, o.period_label, o.measure AS sen2_measure, o.breakdown AS sen2_breakdown,
                                            o.value, o.status
                                     FROM observation_fact o JOIN load_log l USING (load_id)
                                     WHERE o.source = 'dfe-ehcp' AND o.vintage = '2025' AND l.status = 'loaded'
                                       AND (o.measure, o.breakdown) IN (SELECT (sen2_measure, sen2_breakdown) FROM m))
                            SELECT count(*) FILTER (WHERE ees.value IS NOT DISTINCT FROM sen2.value AND ees.status = sen2.status),
                                   count(*) FILTER (WHERE ees.status IS NULL), count(*) FILTER (WHERE sen2.status IS NULL),
                                   count(*) FILTER (WHERE ees.status IS NOT NULL AND sen2.status IS NOT NULL
                                                     AND (ees.value IS DISTINCT FROM sen2.value OR ees.status <> sen2.status))
                            FROM ees FULL OUTER JOIN sen2 USING (area_code, period_label, sen2_measure, sen2_breakdown)
                            """.formatted(pairs, prefix(FILES.get(file)), loads.get(file).loadId());
                    try (ResultSet rs = s.executeQuery(sql)) {
                        rs.next();
                        String got = file + ": " + rs.getLong(1) + " agree, " + rs.getLong(2) + " only SEN2's, " + rs.getLong(3)
                                + " only EES's, " + rs.getLong(4) + " differ";
                        // newplans.csv prints Yorkshire and The Humber's 6,078 new plans of 2022 on each of its
                        // 15 LAs' lines; the SEN2 loader loads each LA's own figure (docs/decisions/0215), the
                        // EES loader, which keeps the rows by sex, age and ethnicity out, a status with no value (0208)
                        long expectedDiffer = file.equals("newplans") ? 15 : 0;
                        if (rs.getLong(1) == 0 || rs.getLong(2) + rs.getLong(3) > 0 || rs.getLong(4) != expectedDiffer) {
                            problems.add(got);
                        }
                        agreed += rs.getLong(1);
                    }
                    if (file.equals("newplans")) {
                        try (ResultSet rs = s.executeQuery(sql.substring(0, sql.indexOf("SELECT count(*) FILTER"))
                                + "SELECT count(*), count(DISTINCT area_code), count(ees.value), min(ees.status), max(ees.status), "
                                + "sum(sen2.value), min(period_label), max(period_label), min(sen2_breakdown), max(sen2_breakdown), "
                                + "min(sen2.status), max(sen2.status), list(DISTINCT sen2_measure) "
                                + "FROM ees JOIN sen2 USING (area_code, period_label, sen2_measure, sen2_breakdown) "
                                + "WHERE ees.value IS DISTINCT FROM sen2.value OR ees.status <> sen2.status")) {
                            rs.next();
                            // the 15 are an EES status with no value; 14 LAs' own sums (York's 100 … North
                            // Yorkshire's 814) and Wakefield's 462 make the region's 6,078 in SEN2's
                            assertEquals(List.of(15L, 15L, 0L, "region_figure", "region_figure", 6078.0, "2022", "2022", "total",
                                            "total", "reported", "reported", "[ehc_plans_new]"),
                                    List.of(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getString(4), rs.getString(5),
                                            rs.getDouble(6), rs.getString(7), rs.getString(8), rs.getString(9), rs.getString(10),
                                            rs.getString(11), rs.getString(12), String.valueOf(rs.getArray(13))));
                        }
                    }
                }
                // every value sen2_columns.tsv maps, less the 15 above (docs/decisions/0206: 16,787)
                assertEquals(16_787 - 15, agreed);
                // York's line 2566 carries the region's 6,078 (line 649): EES keeps it as a status, no value;
                // the observations view's York 2022 new plans are SEN2's 100, its sex rows' 37 + 63
                String york = "SELECT value, status FROM observations WHERE area_code = 'E06000014' AND period_label = '2022' "
                        + "AND breakdown = 'total' AND measure = ";
                try (ResultSet rs = s.executeQuery(york + "'" + prefix(FILES.get("newplans")) + "new_ehc_plans'")) {
                    assertTrue(rs.next());
                    assertEquals(null, rs.getObject(1), "no value");
                    assertEquals("region_figure", rs.getString(2));
                }
                try (ResultSet rs = s.executeQuery(york + "'ehc_plans_new'")) {
                    assertTrue(rs.next());
                    assertEquals(100.0, rs.getDouble(1));
                    assertEquals("reported", rs.getString(2));
                }
                try (ResultSet rs = s.executeQuery("SELECT count(*) FROM observations WHERE area_code = 'E06000014' "
                        + "AND period_label = '2022' AND value = 6078")) {
                    rs.next();
                    assertEquals(0, rs.getLong(1), "no measure gives York the region's 6,078");
                }
                // the region and England keep their figures
                try (ResultSet rs = s.executeQuery("SELECT area_code, value FROM observations WHERE measure = '"
                        + prefix(FILES.get("newplans")) + "new_ehc_plans' AND period_label = '2022' AND breakdown = 'total' "
                        + "AND area_code IN ('E12000003', 'E92000001') ORDER BY 1")) {
                    rs.next();
                    assertEquals(6078.0, rs.getDouble(2), rs.getString(1));
                    rs.next();
                    assertEquals(66_706.0, rs.getDouble(2), rs.getString(1));
                }
                // the load says so: file, column, raw text, the region's line, every LA line and name
                String message = message(s, loads.get("newplans"));
                assertTrue(message.contains("data.csv: 15 local authorities' lines carry their region's new_ehc_plans "
                        + "(6078, Yorkshire and The Humber, Calendar year 2022; lines 2095 "), message);
                assertTrue(message.contains(" 2566): the region's figure (its line 649), not the LAs' own"), message);
                assertTrue(message.contains("status region_figure with no value for Barnsley (line 2095), "), message);
                assertTrue(message.contains(", Wakefield (line 2386), ") && message.contains(", York (line 2566) (docs/decisions/0208)"),
                        message);
                for (String other : List.of("requests", "assessments", "timeliness_20_week")) {
                    assertTrue(!message(s, loads.get(other)).contains("region_figure"), other);
                }
                // requests: 646 rows (2019-2022, England, 9 regions, the LAs), 7 columns mapped = 4,522 values
                try (ResultSet rs = s.executeQuery("SELECT count(*) FROM observation_fact o JOIN (VALUES " + pairs("requests")
                        + ") m (c, sm, sb) ON o.measure = '" + prefix(FILES.get("requests")) + "' || lower(m.c) "
                        + "WHERE o.load_id = " + loads.get("requests").loadId())) {
                    rs.next();
                    assertEquals(646 * 7, rs.getLong(1));
                }
                // new plans by age (2,786 rows), ethnicity (2,367) and sex (354) cross the two filters: kept out, counted
                try (ResultSet rs = s.executeQuery("SELECT rows_kept_out, csv_rows FROM ees_data_sets WHERE data_set_id = '"
                        + FILES.get("newplans") + "'")) {
                    rs.next();
                    assertEquals(2786 + 2367 + 354, rs.getLong(1));
                    assertEquals(2786 + 2367 + 354 + 645, rs.getLong(2));
                }
                try (ResultSet rs = s.executeQuery("SELECT polarity FROM measures WHERE measure = '"
                        + EesVocabulary.measure(FILES.get("timeliness_20_week"), "pc_plans_issued_within_20_weeks") + "'")) {
                    rs.next();
                    assertEquals("higher_is_better", rs.getString(1), "as SEN2's ehc_20wk_pct_incl_exc");
                }
            }
        }
        assertEquals(List.of(), problems);
    }

    /** The message the loads view keeps for a load. */
    private static String message(Statement s, LoadResult load) throws java.sql.SQLException {
        try (ResultSet rs = s.executeQuery("SELECT message FROM loads WHERE load_id = " + load.loadId())) {
            assertTrue(rs.next());
            return rs.getString(1);
        }
    }

    /** The start of the measure codes of a data set's indicators, {@code ees_5e2a0001_}. */
    private static String prefix(String id) {
        String m = EesVocabulary.measure(id, "x");
        return m.substring(0, m.length() - 1);
    }

    /** sen2_columns.tsv's columns of one file as SQL VALUES: column, SEN2 measure, SEN2 breakdown of a total row. */
    private static String pairs(String file) {
        List<String> rows = new ArrayList<>();
        for (String[] r : ResourceTable.rows(org.sendscope.ingest.dfe.Sen2Loader.class, "sen2_columns.tsv")) {
            if (!r[0].equals(file)) continue;
            String breakdown = r[3].equals("row") ? "total" : r[3];
            rows.add("('" + r[1] + "', '" + r[2] + "', '" + breakdown + "')");
        }
        assertTrue(!rows.isEmpty(), file);
        return String.join(", ", rows);
    }

    /** The metadata the EES API gives for a SEN2 file: its two filters with the options it has, the rest indicators. */
    private static DataSetMeta meta(byte[] csv) throws Exception {
        Set<String> topics = new LinkedHashSet<>();
        Set<String> breakdowns = new LinkedHashSet<>();
        Set<String> headline = new LinkedHashSet<>();
        List<String> header;
        try (CSVParser p = CSVFormat.DEFAULT.builder().setHeader().get().parse(new StringReader(
                new String(csv, StandardCharsets.UTF_8).replace("\uFEFF", "")))) {
            header = p.getHeaderNames();
            for (CSVRecord r : p) {
                topics.add(r.get("breakdown_topic"));
                breakdowns.add(r.get("breakdown"));
                // the file's headline rows name their topic as their breakdown ("New EHC plans" twice)
                if (r.get("breakdown_topic").equals(r.get("breakdown"))) headline.add(r.get("breakdown"));
            }
        }
        List<DataSetMeta.Indicator> indicators = new ArrayList<>();
        for (String h : header) {
            if (GEOGRAPHY.contains(h) || h.equals("breakdown_topic") || h.equals("breakdown")) continue;
            boolean pc = List.of(h.toLowerCase().split("_")).contains("pc");
            indicators.add(new DataSetMeta.Indicator(h, h, h, pc ? "%" : "", pc ? 1 : 0));
        }
        return new DataSetMeta(List.of(filter("breakdown_topic", "Breakdown topic", topics, headline),
                filter("breakdown", "Breakdown", breakdowns, headline)),
                indicators, List.of(), List.of());
    }

    private static DataSetMeta.Filter filter(String column, String label, Set<String> options, Set<String> aggregate) {
        return new DataSetMeta.Filter(column, column, label, "", options.stream()
                .map(o -> new DataSetMeta.FilterOption(o, o, aggregate.contains(o) ? Boolean.TRUE : null)).toList());
    }
}
