package org.sendscope.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sendscope.ees.EesTestServer;
import org.sendscope.testing.CliRun;
import org.sendscope.warehouse.Warehouse;

/**
 * {@code sendscope ees …} as a user types it, against a local EES API serving a hand-made data set
 * (src/test/resources/org/sendscope/ees): fetched and loaded with every value asserted, reported as
 * outdated when version 2.0 (a filter relabelled, an option added, an indicator removed) is out,
 * its load refused until {@code --replace}, loaded again offline from the cache, and a truncated
 * download refused with nothing loaded.
 */
class EesCommandsTest {
    private static final String DS = EesTestServer.DATA_SET;
    private static final String M = "ees_6b2c1f3e_";
    private EesTestServer server;
    @TempDir
    Path dir;

    @BeforeEach
    void start() {
        server = new EesTestServer();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private CliRun ees(String... args) {
        List<String> a = new ArrayList<>(List.of("ees"));
        a.addAll(List.of(args));
        a.addAll(List.of("--base-url", server.base().toString(), "--timeout", "5"));
        if (List.of("fetch", "outdated").contains(args[0])) {
            a.addAll(List.of("--warehouse", dir.resolve("w.duckdb").toString(), "--cache", dir.resolve("cache").toString()));
        }
        return CliRun.of(a.toArray(String[]::new));
    }

    private List<String> rows(String sql) throws Exception {
        List<String> out = new ArrayList<>();
        try (Warehouse w = Warehouse.openReadOnly(dir.resolve("w.duckdb")); Statement s = w.connection().createStatement();
             ResultSet rs = s.executeQuery(sql)) {
            int n = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                List<String> cells = new ArrayList<>();
                for (int i = 1; i <= n; i++) cells.add(String.valueOf(rs.getObject(i)));
                out.add(String.join("|", cells));
            }
        }
        return out;
    }

    private static final String OBSERVATIONS = "SELECT area_code, level, replace(measure, '" + M + "', ''), breakdown, "
            + "period_kind, period_label, period_start, period_end, value, status FROM observations WHERE source = 'ees' "
            + "ORDER BY period_label, level, area_code, breakdown, measure";

    @Test
    void searchDatasetsAndVersions() {
        CliRun s = ees("search", "education", "health");
        assertEquals(0, s.code(), s.err());
        assertEquals(EesTestServer.PUBLICATION + "  Education, health and care plans (test fixture)  (last published 2026-06-25)\n", s.out());
        CliRun d = ees("datasets", "education-health-and-care-plans-test");
        assertEquals(0, d.code(), d.err());
        assertEquals(DS + "  EHC plan timeliness by sex and age (test fixture)  version 2.0, 2022 to 2023, National, Regional, "
                + "Local authority\n", d.out());
        CliRun v = ees("versions", DS);
        assertEquals("2.0  Major  Published  2026-06-25  Reporting year 2026  10 rows\n"
                + "1.0  Major  Published  2025-06-26  Reporting year 2025  8 rows\n", v.out());
        assertTrue(server.requests.stream().allMatch(r -> "sendscope/0.1.0".equals(r[1])), "the user agent names sendscope's version");
        CliRun missing = ees("versions", "00000000-0000-4000-8000-000000000000");
        assertEquals(1, missing.code());
        assertTrue(missing.err().startsWith("sendscope: http://127.0.0.1:"), missing.err());
        assertTrue(missing.err().contains("not found (HTTP 404: Not Found)"), missing.err());
    }

    @Test
    void fetchLoadOutdatedReplaceAndOffline() throws Exception {
        // only 1.0 is out: it is the latest, and up to date once loaded
        server.publish("1.0");
        CliRun f = ees("fetch", DS, "--load");
        assertEquals(0, f.code(), f.err());
        assertEquals(DS + " EHC plan timeliness by sex and age (test fixture): 1.0, up to date\n", ees("outdated").out());
        assertEquals("", ees("outdated", "--ids").out());
        server.publish("1.0", "2.0");
        assertTrue(f.out().contains(DS + " EHC plan timeliness by sex and age (test fixture) version 1.0: 8 rows"), f.out());
        assertTrue(f.out().contains("ees: " + dir.resolve("cache").resolve(DS).resolve("1.0").resolve("data.csv")
                + " vintage " + DS + "@1.0 loaded as load"), f.out());
        assertTrue(f.out().contains(": 18 rows"), f.out());

        // every value of data-1.0.csv's six loaded rows: three indicators each
        assertEquals(List.of(
                "E92000001|england|pc_plans_issued_within_20_weeks|total|calendar_year|2022|2022-01-01|2022-12-31|50.0|reported",
                "E92000001|england|plans_issued|total|calendar_year|2022|2022-01-01|2022-12-31|60000.0|reported",
                "E92000001|england|plans_issued_within_20_weeks|total|calendar_year|2022|2022-01-01|2022-12-31|30000.0|reported",
                "E06000058|local_authority|pc_plans_issued_within_20_weeks|age_group:under_5|calendar_year|2022|2022-01-01|2022-12-31|null|c",
                "E06000058|local_authority|plans_issued|age_group:under_5|calendar_year|2022|2022-01-01|2022-12-31|30.0|reported",
                "E06000058|local_authority|plans_issued_within_20_weeks|age_group:under_5|calendar_year|2022|2022-01-01|2022-12-31|null|c",
                "E06000058|local_authority|pc_plans_issued_within_20_weeks|sex:female|calendar_year|2022|2022-01-01|2022-12-31|26.7|reported",
                "E06000058|local_authority|plans_issued|sex:female|calendar_year|2022|2022-01-01|2022-12-31|150.0|reported",
                "E06000058|local_authority|plans_issued_within_20_weeks|sex:female|calendar_year|2022|2022-01-01|2022-12-31|40.0|reported",
                "E06000058|local_authority|pc_plans_issued_within_20_weeks|sex:male|calendar_year|2022|2022-01-01|2022-12-31|20.0|reported",
                "E06000058|local_authority|plans_issued|sex:male|calendar_year|2022|2022-01-01|2022-12-31|350.0|reported",
                "E06000058|local_authority|plans_issued_within_20_weeks|sex:male|calendar_year|2022|2022-01-01|2022-12-31|70.0|reported",
                "E06000058|local_authority|pc_plans_issued_within_20_weeks|total|calendar_year|2022|2022-01-01|2022-12-31|22.0|reported",
                "E06000058|local_authority|plans_issued|total|calendar_year|2022|2022-01-01|2022-12-31|500.0|reported",
                "E06000058|local_authority|plans_issued_within_20_weeks|total|calendar_year|2022|2022-01-01|2022-12-31|110.0|reported",
                "E12000009|region|pc_plans_issued_within_20_weeks|total|calendar_year|2022|2022-01-01|2022-12-31|40.0|reported",
                "E12000009|region|plans_issued|total|calendar_year|2022|2022-01-01|2022-12-31|5000.0|reported",
                "E12000009|region|plans_issued_within_20_weeks|total|calendar_year|2022|2022-01-01|2022-12-31|2000.0|reported"),
                rows(OBSERVATIONS));
        assertEquals(List.of(
                M + "pc_plans_issued_within_20_weeks|Percentage of new EHC plans issued within 20 weeks|percent|higher_is_better",
                M + "plans_issued|New EHC plans issued|count|neutral",
                M + "plans_issued_within_20_weeks|New EHC plans issued within 20 weeks|count|higher_is_better"),
                rows("SELECT measure, title, unit, polarity FROM measures WHERE source = 'DfE EES' ORDER BY measure"));
        assertEquals(List.of("E06000058|839|Bournemouth, Christchurch and Poole|local_authority|E12000009"),
                rows("SELECT area_code, la_number, name, level, region_code FROM areas WHERE area_code = 'E06000058'"));
        assertEquals(List.of(DS + "|1.0|Reporting year 2025|8|2|kept out (a level sendscope does not hold): 1 row at Parliamentary "
                + "constituency; kept out: 1 row that break down by two or more filters at once (a breakdown is one dimension); "
                + "new dimensions (see ees_breakdowns): age_group ('Age group'); columns not loaded (other geography, not in the "
                + "metadata): pcon_code, pcon_name"),
                rows("SELECT data_set_id, version, release_title, csv_rows, rows_kept_out, note FROM ees_data_sets"));
        assertEquals(List.of("age_group:under_5|age_group|under_5|Age group|Under 5|false",
                        "sex:female|sex|female|Sex|Female|true", "sex:male|sex|male|Sex|Male|true"),
                rows("SELECT breakdown, dimension, dimension_value, filter_label, option_label, in_reference FROM ees_breakdowns ORDER BY 1"));

        CliRun o = ees("outdated");
        assertEquals(0, o.code(), o.err());
        assertEquals(DS + " EHC plan timeliness by sex and age (test fixture): loaded 1.0, newer 2.0 (major)\n"
                + "  2.0: 6 changes — Adds calendar year 2023 and the 5 to 10 age band; the count within 20 weeks is no longer published.\n"
                + "    major: geographic level removed: Parliamentary constituency\n"
                + "    major: indicator removed: New EHC plans issued within 20 weeks (plans_issued_within_20_weeks)\n"
                + "    major: locations of level removed: Parliamentary constituency\n"
                + "    minor: filter changed: Age group (age_group) -> Age band (age_group)\n"
                + "    minor: option of filter Age band added: Age 5 to 10\n"
                + "    minor: time period added: 2023 (CY)\n", o.out());
        assertEquals(DS + "\n", ees("outdated", "--ids").out());

        // 2.0 no longer publishes an indicator: loading it over 1.0 would lose a measure, so it is refused
        List<String> before = rows(OBSERVATIONS);
        CliRun refused = ees("fetch", DS, "--load");
        assertEquals(1, refused.code(), refused.out() + refused.err());
        assertTrue(refused.err().contains("would replace load") && refused.err().contains(M + "plans_issued_within_20_weeks")
                && refused.err().contains("pass --replace"), refused.err());
        assertEquals(before, rows(OBSERVATIONS), "nothing of 2.0 is loaded");

        CliRun replaced = ees("fetch", DS, "--load", "--replace");
        assertEquals(0, replaced.code(), replaced.err());
        assertTrue(replaced.out().contains("already in"), replaced.out());
        List<String> v2 = rows(OBSERVATIONS);
        assertEquals(20, v2.size());
        assertTrue(v2.contains("E06000058|local_authority|plans_issued|age_group:age_5_to_10|calendar_year|2023|2023-01-01|2023-12-31|200.0|reported"), v2.toString());
        assertTrue(v2.contains("E06000058|local_authority|pc_plans_issued_within_20_weeks|total|calendar_year|2023|2023-01-01|2023-12-31|24.5|reported"), v2.toString());
        assertTrue(v2.stream().noneMatch(r -> r.contains("|plans_issued_within_20_weeks|")), "the removed indicator is gone");
        assertEquals(List.of("2.0|" + DS + "@2.0"), rows("SELECT version, vintage FROM ees_data_sets JOIN loads USING (load_id)"));
        assertEquals(DS + " EHC plan timeliness by sex and age (test fixture): 2.0, up to date\n", ees("outdated").out());

        CliRun wildcard = ees("fetch", DS, "--version", "2.*");
        assertTrue(wildcard.out().contains(" version 2.0: 10 rows") && wildcard.out().contains("already in"), wildcard.out());

        // offline: the cached version loads again without the API (and changes nothing)
        server.close();
        CliRun offline = ees("fetch", DS, "--version", "2.0", "--load");
        assertEquals(0, offline.code(), offline.err());
        assertTrue(offline.out().contains("unchanged"), offline.out());
        server = new EesTestServer();
    }

    @Test
    void aTruncatedDownloadLoadsNothing() throws Exception {
        CliRun f = ees("fetch", EesTestServer.CUT_CSV, "--version", "1.0", "--load");
        assertEquals(1, f.code(), f.out());
        assertTrue(f.err().contains("the download is incomplete: its last line has no line break"), f.err());
        assertTrue(!java.nio.file.Files.exists(dir.resolve("w.duckdb")), "no warehouse was made for a refused download");
    }
}
