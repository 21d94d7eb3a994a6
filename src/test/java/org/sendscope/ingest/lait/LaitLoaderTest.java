package org.sendscope.ingest.lait;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.sendscope.ingest.LoadException;
import org.sendscope.ingest.LoadResult;
import org.sendscope.testing.WarehouseDigest;
import org.sendscope.testing.SharedData;
import org.sendscope.testing.SharedWarehouse;
import org.sendscope.warehouse.Warehouse;

/**
 * The real LAIT long table with its dictionary. Expected figures were read from the raw file with
 * DuckDB: {@code SELECT file_row_number + 1 AS row, * FROM read_parquet('bds_long.parquet',
 * file_row_number = true) WHERE ...}; the row numbers are given beside each figure.
 */
@ExtendWith(SharedWarehouse.class)
class LaitLoaderTest {
    private static Warehouse warehouse;
    private static LoadResult first;

    @BeforeAll
    static void loadTheRealFile(@SharedWarehouse.Copy(SharedWarehouse.Contents.SEN2) Path sen2) {
        // LA numbers take their GSS codes from the SEN2 releases' areas, so those are loaded first.
        Path parquet = SharedData.dfe("lait/bds_long.parquet");
        warehouse = Warehouse.open(sen2);
        first = loader().load(warehouse, parquet);
    }

    @AfterAll
    static void close() {
        if (warehouse != null) warehouse.close();
    }

    private static LaitLoader loader() {
        return new LaitLoader(SharedData.dfe("lait/lait_data_dictionary.csv"), SharedData.dfe("lait/la_code_list.xlsx"),
                null);
    }

    private static Double value(String area, String measure, String label) throws SQLException {
        try (PreparedStatement p = warehouse.connection().prepareStatement(
                "SELECT value FROM observations WHERE area_code = ? AND measure = ? AND period_label = ?")) {
            p.setString(1, area);
            p.setString(2, measure);
            p.setString(3, label);
            try (ResultSet rs = p.executeQuery()) {
                assertTrue(rs.next(), area + " " + measure + " " + label + " not loaded");
                double v = rs.getDouble(1);
                return rs.wasNull() ? null : v;
            }
        }
    }

    @Test
    void everyMeasureOfTheFileIsDescribed() {
        // SELECT count(DISTINCT "Short Desc") FROM read_parquet(...) = 426
        assertEquals(426, warehouse.count("SELECT count(*) FROM measures WHERE source = 'lait'"));
        assertEquals(0, warehouse.count("SELECT count(*) FROM measures WHERE source = 'lait' AND (title = '' OR unit IS NULL)"));
        // Dictionary: SEN_EHC_All_20wks, Polarity High, Topic Children with SEN
        assertEquals(1, warehouse.count("SELECT count(*) FROM measures WHERE measure = 'lait_sen_ehc_all_20wks' "
                + "AND polarity = 'higher_is_better' AND unit = 'percent' AND topic = 'Children with SEN'"));
        // SEN2's timeliness republished: the same figures (BCP 2022 6.7 in LAIT and in timeliness_20_week.csv)
        assertEquals(1, warehouse.count("SELECT count(*) FROM measures WHERE measure = 'lait_sen_ehc_all_20wks' "
                + "AND comparable_with = 'ehc_20wk_pct_incl_exc'"));
        // Dictionary: InfMort, Polarity Low
        assertEquals(1, warehouse.count("SELECT count(*) FROM measures WHERE measure = 'lait_infmort' AND polarity = 'lower_is_better'"));
        // 457,980 rows in the file less the 170 whose Years is '0' and the 215 values above 100% of
        // four percentage measures (docs/decisions/0086)
        assertEquals(457_595, first.rowsLoaded());
        assertEquals(385, first.rowsRejected());
        assertEquals(170, warehouse.count("SELECT count(*) FROM load_rejects WHERE field = 'Years' AND raw_value = '0'"));
    }

    @Test
    void percentagesAbove100AreLeftOutWithTheirRowAndNeverCapped() throws SQLException {
        // docs/decisions/0086: 167 + 13 + 33 + 2 published values above 100%, each a reject row
        assertEquals(215, warehouse.count("SELECT count(*) FROM load_rejects WHERE field = 'Values' AND reason LIKE 'implausible%'"));
        assertEquals(167, warehouse.count("SELECT count(*) FROM load_rejects WHERE reason LIKE '%measure lait_pct_3_and_4yr_olds%'"));
        assertEquals(13, warehouse.count("SELECT count(*) FROM load_rejects WHERE reason LIKE '%measure lait_pct_2yr_olds%'"));
        assertEquals(33, warehouse.count("SELECT count(*) FROM load_rejects WHERE reason LIKE '%measure lait_prechilddea%'"));
        assertEquals(2, warehouse.count("SELECT count(*) FROM load_rejects WHERE reason LIKE '%measure lait_sept_guarantee%'"));
        // the raw text is kept, the observation is not: no value above 100 for these, and none altered to 100
        assertEquals(1, warehouse.count("SELECT count(*) FROM load_rejects WHERE raw_value = '1015' AND reason LIKE '%lait_prechilddea%'"));
        assertEquals(0, warehouse.count("SELECT count(*) FROM observations WHERE measure IN ('lait_pct_3_and_4yr_olds', "
                + "'lait_pct_2yr_olds', 'lait_prechilddea', 'lait_sept_guarantee') AND value > 100"));
        // FTE and averages are not whole numbers, and load: a measure row corrects the unit's rule
        assertTrue(warehouse.count("SELECT count(*) FROM observations WHERE measure = 'lait_work_force_nosw' AND value <> round(value)") > 800);
    }

    @Test
    void valuesForThePapersLasAndEnglandAreAsPublished() throws SQLException {
        // SEN_EHC_All_20wks, Years 2022: BCP row 223902, Hull row 223958, Bedford row 223895, England row 224049
        assertEquals(6.7, value("E06000058", "lait_sen_ehc_all_20wks", "2022"));
        assertEquals(27.1, value("E06000010", "lait_sen_ehc_all_20wks", "2022"));
        assertEquals(77.2, value("E06000055", "lait_sen_ehc_all_20wks", "2022"));
        assertEquals(47.7, value("E92000001", "lait_sen_ehc_all_20wks", "2022"));
        // SENFinance, Years 2021-22 (OT): BCP row 9192, Hull row 9248, Bedford row 9185, England row 9339
        assertEquals(105.0, value("E06000058", "lait_senfinance", "2021-22 (OT)"));
        assertEquals(95.0, value("E06000010", "lait_senfinance", "2021-22 (OT)"));
        assertEquals(115.0, value("E06000055", "lait_senfinance", "2021-22 (OT)"));
        assertEquals(95.0, value("E92000001", "lait_senfinance", "2021-22 (OT)"));
        // RTA 2018-20, BCP row 692: 9.3000000000000007; Hosp_Adm_Alc_<18yrs 2017/18-19/20, BCP row 250252: 61.83
        assertEquals(9.3, value("E06000058", "lait_rta", "2018-20"), 1e-9);
        assertEquals(61.83, value("E06000058", "lait_hosp_adm_alc_under_18yrs", "2017/18-19/20"));
        // The same figure SEN2 publishes for BCP's 2022 calendar year (timeliness_20_week.csv: 6.7)
        assertEquals(1, warehouse.count("SELECT count(*) FROM observations WHERE area_code = 'E06000058' "
                + "AND measure = 'lait_sen_ehc_all_20wks' AND period_kind = 'calendar_year' "
                + "AND period_start = DATE '2022-01-01' AND period_end = DATE '2022-12-31'"));
    }

    @Test
    void aMarkerIsAStatusWithNoValue() throws SQLException {
        // RTA 2014-16, BCP row 12: '-'
        assertNull(value("E06000058", "lait_rta", "2014-16"));
        assertEquals(1, warehouse.count("SELECT count(*) FROM observations WHERE area_code = 'E06000058' "
                + "AND measure = 'lait_rta' AND period_label = '2014-16' AND status = '-' AND value IS NULL"));
        assertEquals(0, warehouse.count("SELECT count(*) FROM observations WHERE source = 'lait' AND status <> 'reported' AND value IS NOT NULL"));
        // SELECT count(*) FROM read_parquet(...) WHERE "Values" = '-' AND "Years" <> '0' = 77,844 - 170
        assertEquals(77_674, warehouse.count("SELECT count(*) FROM observations WHERE source = 'lait' AND status = '-'"));
    }

    @Test
    void everyYearsShapeOfTheFileIsDated() throws SQLException {
        Object[][] expected = {
                // measure, label, kind, start, end
                {"lait_2yr_ofsted_rating", "2016", "academic_year", "2015-09-01", "2016-08-31"},
                {"lait_10_icpc", "2016", "financial_year", "2015-04-01", "2016-03-31"},
                {"lait_cin", "2016", "financial_year", "2015-04-01", "2016-03-31"},
                {"lait_infmort", "2016", "calendar_year", "2016-01-01", "2016-12-31"},
                {"lait_ealpri", "2016", "census_january", "2016-01-01", "2016-01-31"},
                {"lait_work_force_nosw", "2016", "date", "2016-09-30", "2016-09-30"},
                {"lait_he_19_all", "2015-16", "academic_year", "2015-09-01", "2016-08-31"},
                {"lait_totpermex", "2015/16", "academic_year", "2015-09-01", "2016-08-31"},
                {"lait_premium", "2016-17", "financial_year", "2016-04-01", "2017-03-31"},
                {"lait_senfinance", "2016-17 (OT)", "financial_year", "2016-04-01", "2017-03-31"},
                {"lait_a3a", "2018 (Rev)", "academic_year", "2017-09-01", "2018-08-31"},
                {"lait_a3a", "2020 (Final)", "academic_year", "2019-09-01", "2020-08-31"},
                {"lait_rta", "2014-16", "multi_year", "2014-01-01", "2016-12-31"},
                {"lait_hosp_adm_alc_under_18yrs", "2013/14-15/16", "multi_year", "2013-04-01", "2016-03-31"},
        };
        for (Object[] e : expected) {
            try (PreparedStatement p = warehouse.connection().prepareStatement("SELECT DISTINCT period_kind, "
                    + "CAST(period_start AS VARCHAR), CAST(period_end AS VARCHAR) FROM observations WHERE measure = ? AND period_label = ?")) {
                p.setString(1, (String) e[0]);
                p.setString(2, (String) e[1]);
                try (ResultSet rs = p.executeQuery()) {
                    assertTrue(rs.next(), e[0] + " " + e[1]);
                    assertEquals(e[2], rs.getString(1), e[0] + " " + e[1]);
                    assertEquals(e[3], rs.getString(2), e[0] + " " + e[1]);
                    assertEquals(e[4], rs.getString(3), e[0] + " " + e[1]);
                }
            }
        }
        // SELECT count(DISTINCT "Years") FROM read_parquet(...) = 50, of which '0' cannot be dated
        assertEquals(49, warehouse.count("SELECT count(DISTINCT period_label) FROM observations WHERE source = 'lait'"));
        // No two labels of a measure land on the same dates (the view would have to pick one).
        assertEquals(0, warehouse.count("SELECT count(*) FROM (SELECT 1 FROM observations_all_vintages WHERE source = 'lait' "
                + "GROUP BY area_code, measure, breakdown, period_kind, period_start, period_end HAVING count(*) > 1)"));
    }

    @Test
    void areasAreGssCodesIncludingThePredecessorLas() {
        assertEquals(170, warehouse.count("SELECT count(DISTINCT area_code) FROM observations WHERE source = 'lait'"));
        assertEquals(1, warehouse.count("SELECT count(*) FROM areas WHERE area_code = 'E92000001' AND level = 'england'"));
        assertEquals(11, warehouse.count("SELECT count(*) FROM areas WHERE level = 'region'"));
        // LA number 839 BCP, 810 Hull, 822 Bedford (la_code_list.xlsx rows 13, 69 and 6)
        assertEquals(1, warehouse.count("SELECT count(*) FROM areas WHERE area_code = 'E06000058' AND la_number = 839 "
                + "AND region_code = 'E12000009'"));
        assertEquals(1, warehouse.count("SELECT count(*) FROM areas WHERE area_code = 'E06000010' AND la_number = 810"));
        assertEquals(1, warehouse.count("SELECT count(*) FROM areas WHERE area_code = 'E06000055' AND la_number = 822"));
        // Predecessors keep their own codes: Bournemouth 837, Poole 836, Dorset 835, Northamptonshire 928, Cumbria 909
        assertEquals(5, warehouse.count("SELECT count(DISTINCT area_code) FROM observations WHERE area_code IN "
                + "('E06000028', 'E06000029', 'E10000009', 'E10000021', 'E10000006')"));
        // London boroughs are in the London region whether LAIT says Inner or Outer London
        assertEquals(33, warehouse.count("SELECT count(*) FROM areas WHERE region_code = 'E12000007' AND level = 'local_authority'"));
    }

    @Test
    void loadingTwiceLeavesIdenticalCounts() throws SQLException {
        Map<String, String> before = WarehouseDigest.of(warehouse);
        LoadResult again = loader().load(warehouse, SharedData.dfe("lait/bds_long.parquet"));
        assertTrue(again.unchanged());
        assertEquals(first.loadId(), again.loadId());
        assertEquals(before, WarehouseDigest.of(warehouse));
    }

    @Test
    void aTextValueOrARenamedColumnIsRefusedNamingWhereAndNothingChanges(@TempDir Path dir) throws Exception {
        Path dict = dir.resolve("dict.csv");
        Files.writeString(dict, """
                "Measure_code","Topic","Measure","Measure_short","Polarity","y_axis_name","Description","Year_Type"
                "1","Children with SEN","EHC plans issued within 20 weeks","EHC_20","High","% of plans","Hand-written fixture","Calendar Year"
                """);
        Path bad = dir.resolve("bad.parquet");
        Path renamed = dir.resolve("renamed.parquet");
        // Hand-written rows: the third has text where a number belongs.
        warehouse.execute("COPY (SELECT * FROM (VALUES "
                + "('EHC_20', 'item', '2021', 'Bournemouth, Christchurch and Poole', '27', 839.0, 'South West'), "
                + "('EHC_20', 'item', '2022', 'Bournemouth, Christchurch and Poole', '6.7', 839.0, 'South West'), "
                + "('EHC_20', 'item', '2022', 'England', 'n/a', 970.0, 'NA')) "
                + "AS t(\"Short Desc\", \"Data item\", \"Years\", \"LA and Regions\", \"Values\", \"LA Number\", \"Region\")) "
                + "TO '" + bad + "' (FORMAT parquet)");
        warehouse.execute("COPY (SELECT 'EHC_20' AS \"Short Desc\", 'item' AS \"Data item\", '2022' AS \"Years\", "
                + "'England' AS \"LA and Regions\", '1' AS \"Value\", 970.0 AS \"LA Number\", 'NA' AS \"Region\") "
                + "TO '" + renamed + "' (FORMAT parquet)");
        Map<String, String> before = WarehouseDigest.of(warehouse);
        LaitLoader fixtureLoader = new LaitLoader(dict, null, null);

        LoadException e = assertThrows(LoadException.class, () -> fixtureLoader.load(warehouse, bad));
        assertEquals(3L, e.line());
        assertEquals("Values", e.column());
        assertEquals("n/a", e.raw());
        assertTrue(e.getMessage().contains(bad.toString()), e.getMessage());

        LoadException r = assertThrows(LoadException.class, () -> fixtureLoader.load(warehouse, renamed));
        assertEquals("Values", r.column());
        assertTrue(r.getMessage().contains("no column 'Values'"), r.getMessage());

        assertEquals(before, WarehouseDigest.of(warehouse));
    }
}
