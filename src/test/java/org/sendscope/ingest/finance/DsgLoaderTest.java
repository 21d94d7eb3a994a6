package org.sendscope.ingest.finance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
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

/** The two real DSG workbooks; figures read by hand from the sheets (Excel row numbers given). */
@ExtendWith(SharedWarehouse.class)
class DsgLoaderTest {
    private static Warehouse warehouse;
    private static LoadResult balance;
    private static LoadResult allocation;

    @BeforeAll
    static void loadBoth(@SharedWarehouse.Copy(SharedWarehouse.Contents.SEN2) Path sen2) {
        // LA numbers and names take their GSS codes from the SEN2 releases' areas, so those are loaded first.
        warehouse = Warehouse.open(sen2);
        balance = new DsgLoader(null).load(warehouse, SharedData.dfe("finance/dsg_deficit_derived.xlsx"));
        allocation = new DsgLoader(null).load(warehouse, SharedData.dfe("finance/DSG_by_year_dr.xlsx"));
    }

    @AfterAll
    static void close() {
        if (warehouse != null) warehouse.close();
    }

    private static double value(String area, String measure, String start) throws SQLException {
        try (PreparedStatement p = warehouse.connection().prepareStatement("SELECT value FROM observations WHERE "
                + "area_code = ? AND measure = ? AND period_kind = 'financial_year' AND period_start = CAST(? AS DATE)")) {
            p.setString(1, area);
            p.setString(2, measure);
            p.setString(3, start);
            try (ResultSet rs = p.executeQuery()) {
                assertTrue(rs.next(), area + " " + measure + " " + start);
                return rs.getDouble(1);
            }
        }
    }

    @Test
    void theBalanceIsNegativeForADeficit() throws SQLException {
        // dsg_deficit_derived.xlsx, sheet 'Sheet 1': 478 data rows (rows 2-479)
        assertEquals(478, balance.rowsLoaded());
        // BCP rows 119, 268, 417: -1.79 (2019-20), -2.85 (2020-21), -6.8 (2021-22)
        assertEquals(-1.79, value("E06000058", "dsg_cumulative_balance_pct_income", "2019-04-01"));
        assertEquals(-6.8, value("E06000058", "dsg_cumulative_balance_pct_income", "2021-04-01"));
        // Hull row 403: -1.34; Bedford row 410: 1.26 (a surplus); England row 4: -2.26 (2021-22)
        assertEquals(-1.34, value("E06000010", "dsg_cumulative_balance_pct_income", "2021-04-01"));
        assertEquals(1.26, value("E06000055", "dsg_cumulative_balance_pct_income", "2021-04-01"));
        assertEquals(-2.26, value("E92000001", "dsg_cumulative_balance_pct_income", "2021-04-01"));
        assertEquals(1, warehouse.count("SELECT count(*) FROM measures WHERE measure = 'dsg_cumulative_balance_pct_income' "
                + "AND unit = 'percent' AND polarity = 'higher_is_better'"));
        assertEquals(1, warehouse.count("SELECT count(*) FROM observations WHERE measure = 'dsg_cumulative_balance_pct_income' "
                + "AND area_code = 'E06000058' AND period_label = '2021-22' AND period_end = DATE '2022-03-31'"));
    }

    @Test
    void allocationsArePoundsByFinancialYear() throws SQLException {
        // DSG_by_year_dr.xlsx: sheet 'dsg_budget_20' row 2 ENGLAND 44867520326.84; row 93 BCP 839 259243459.18
        assertEquals(44_867_520_326.8435, value("E92000001", "dsg_allocation", "2019-04-01"), 0.01);
        assertEquals(259_243_459.18, value("E06000058", "dsg_allocation", "2019-04-01"), 0.01);
        // sheet 'dsg_budget_2024_03_30' row 93: BCP 334230374
        assertEquals(334_230_374.0, value("E06000058", "dsg_allocation", "2023-04-01"));
        // five years; London counted once although the sheet lists the London boroughs' total and the region
        assertEquals(5, warehouse.count("SELECT count(*) FROM observations WHERE measure = 'dsg_allocation' AND area_code = 'E12000007'"));
        assertEquals(5, warehouse.count("SELECT count(DISTINCT period_start) FROM observations WHERE measure = 'dsg_allocation'"));
        // Cumberland 942 and Westmorland and Furness 943 appear in 2023-24 only (rows 152-153)
        assertEquals(1, warehouse.count("SELECT count(*) FROM observations WHERE measure = 'dsg_allocation' AND area_code = 'E06000063'"));
        assertEquals(1, warehouse.count("SELECT count(*) FROM measures WHERE measure = 'dsg_allocation' AND unit = 'gbp' AND polarity = 'neutral'"));
    }

    @Test
    void loadingTwiceLeavesIdenticalCounts() throws Exception {
        Map<String, String> before = WarehouseDigest.of(warehouse);
        assertTrue(new DsgLoader(null).load(warehouse, SharedData.dfe("finance/DSG_by_year_dr.xlsx")).unchanged());
        assertTrue(new DsgLoader(null).load(warehouse, SharedData.dfe("finance/dsg_deficit_derived.xlsx")).unchanged());
        assertEquals(before, WarehouseDigest.of(warehouse));
    }

    @Test
    void textInAValueCellOrARenamedColumnIsRefusedNamingTheCell(@TempDir Path dir) throws Exception {
        Path bad = dir.resolve("dsg_bad.xlsx");
        write(bad, "Total DSG allocation (£s)", "to follow");
        Path renamed = dir.resolve("dsg_renamed.xlsx");
        write(renamed, "Total DSG (£s)", "1");
        Map<String, String> before = WarehouseDigest.of(warehouse);
        DsgLoader loader = new DsgLoader(null);

        LoadException e = assertThrows(LoadException.class, () -> loader.load(warehouse, bad));
        assertEquals(3L, e.line());
        assertEquals("to follow", e.raw());
        assertEquals("dsg_budget_2030!C (Total DSG allocation (£s))", e.column());
        assertTrue(e.getMessage().startsWith(bad.toString()), e.getMessage());

        LoadException r = assertThrows(LoadException.class, () -> loader.load(warehouse, renamed));
        assertTrue(r.getMessage().contains("not a DSG sheet") && r.getMessage().contains("dsg_budget_2030"), r.getMessage());
        assertEquals(before, WarehouseDigest.of(warehouse));
    }

    /** A hand-written allocation sheet: England, then BCP with the given raw value. */
    private static void write(Path file, String valueHeader, String bcpValue) throws Exception {
        try (XSSFWorkbook wb = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(file)) {
            Sheet s = wb.createSheet("dsg_budget_2030");
            String[][] rows = {{"la_code", "la_name", valueHeader, "time_period"}, {"ENGLAND", "", null, "203031"},
                    {"839", "Bournemouth, Christchurch and Poole", bcpValue, "203031"}};
            for (int i = 0; i < rows.length; i++) {
                Row row = s.createRow(i);
                for (int c = 0; c < 4; c++) {
                    if (i == 1 && c == 2) row.createCell(c).setCellValue(60_000_000_000.0);
                    else row.createCell(c).setCellValue(rows[i][c]);
                }
            }
            wb.write(out);
        }
    }
}
