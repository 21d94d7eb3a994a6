package org.sendscope.ingest.neighbours;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
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

/**
 * The two real DfE statistical neighbour workbooks. Figures read from sheet 'LA SN Groups' by hand:
 * the row numbers are Excel's.
 */
@ExtendWith(SharedWarehouse.class)
class StatisticalNeighboursLoaderTest {
    private static Warehouse warehouse;
    private static LoadResult may2025;
    private static LoadResult april2021;

    @BeforeAll
    static void loadBoth(@SharedWarehouse.Copy(SharedWarehouse.Contents.SEN2) Path sen2) {
        // LA numbers take their GSS codes from the SEN2 releases' areas, so those are loaded first.
        warehouse = Warehouse.open(sen2);
        StatisticalNeighboursLoader loader = new StatisticalNeighboursLoader(null);
        april2021 = loader.load(warehouse, SharedData.dfe("statistical-neighbours/sn_april_2021.xlsx"));
        may2025 = loader.load(warehouse, SharedData.dfe("statistical-neighbours/sn_may_2025.xlsx"));
    }

    @AfterAll
    static void close() {
        if (warehouse != null) warehouse.close();
    }

    @Test
    void theReleaseComesFromTheFileName() {
        assertEquals("2025-05", may2025.vintage());
        assertEquals("2021-04", april2021.vintage());
        assertEquals("2025-05", StatisticalNeighboursLoader.vintageOf(Path.of("sn_may_2025.xlsx")));
        assertEquals("2021-04", StatisticalNeighboursLoader.vintageOf(Path.of("SN April 2021.xlsx")));
    }

    @Test
    void bcpsTenCurrentNeighboursStartWithBedford() {
        // sn_may_2025.xlsx row 14: 839 BCP, SN1 822 'Very close' … SN9 845 'Close', SN10 881 'Close'
        assertEquals(10, warehouse.count("SELECT count(*) FROM statistical_neighbours WHERE area_code = 'E06000058'"));
        assertEquals(1, warehouse.count("SELECT count(*) FROM statistical_neighbours WHERE area_code = 'E06000058' "
                + "AND rank = 1 AND neighbour_code = 'E06000055' AND closeness = 'Very close' AND vintage = '2025-05'"));
        assertEquals(2, warehouse.count("SELECT count(*) FROM statistical_neighbours WHERE area_code = 'E06000058' "
                + "AND closeness = 'Close'"));
        // sn_april_2021.xlsx row 96: BCP's 2021 list has no Bedford; SN1 882 Southend-on-Sea 'Very Close'
        assertEquals(0, warehouse.count("SELECT count(*) FROM statistical_neighbours_all WHERE area_code = 'E06000058' "
                + "AND vintage = '2021-04' AND neighbour_code = 'E06000055'"));
        assertEquals(1, warehouse.count("SELECT count(*) FROM statistical_neighbours_all WHERE area_code = 'E06000058' "
                + "AND vintage = '2021-04' AND rank = 1 AND neighbour_code = 'E06000033' AND closeness = 'Very close'"));
        // sn_may_2025.xlsx row 67: Hull 810, SN1 333 Sandwell 'Very close', SN10 372 Rotherham 'Somewhat close'
        assertEquals(1, warehouse.count("SELECT count(*) FROM statistical_neighbours WHERE area_code = 'E06000010' "
                + "AND rank = 10 AND neighbour_code = 'E08000018' AND closeness = 'Somewhat close'"));
    }

    @Test
    void theOldListsAreKeptAsSetOld() {
        // sn_may_2025.xlsx rows 160-164 under 'Old SNs:': Dorset 835, Poole 836, Bournemouth 837, Northamptonshire 928, Cumbria 909
        assertEquals(50, warehouse.count("SELECT count(*) FROM statistical_neighbours_all WHERE set_name = 'old' AND vintage = '2025-05'"));
        assertEquals(1, warehouse.count("SELECT count(*) FROM statistical_neighbours_all WHERE set_name = 'old' "
                + "AND vintage = '2025-05' AND area_code = 'E10000009' AND rank = 1 AND neighbour_code = 'E06000051' "
                + "AND closeness = 'Extremely close'"));
        // 153 LAs in the current block of 2025 with ten neighbours each
        assertEquals(1530, warehouse.count("SELECT count(*) FROM statistical_neighbours"));
        // 2021 rows 156-157: Cumberland and Westmorland and Furness have '-' for every neighbour
        assertEquals(0, warehouse.count("SELECT count(*) FROM statistical_neighbours_all WHERE vintage = '2021-04' "
                + "AND area_code IN ('E06000063', 'E06000064')"));
        assertTrue(warehouse.count("SELECT count(*) FROM loads WHERE vintage = '2021-04' AND message LIKE '%Cumberland (942)%'") == 1);
    }

    @Test
    void theNeighbourAverageIsTheMeanOfTheReportedValues(@TempDir Path dir) throws Exception {
        // A hand-written LAIT extract: the 2022 values of SEN_EHC_All_20wks for BCP's ten 2025 neighbours, as
        // bds_long.parquet has them (SELECT "LA Number", "Values" … WHERE "Short Desc" = 'SEN_EHC_All_20wks'
        // AND "Years" = '2022'); Norfolk (926) is '-'.
        Path dict = dir.resolve("dict.csv");
        Files.writeString(dict, "\"Topic\",\"Measure\",\"Measure_short\",\"Polarity\",\"y_axis_name\",\"Description\",\"Year_Type\"\n"
                + "\"Children with SEN\",\"EHC plans within 20 weeks\",\"SEN_EHC_All_20wks\",\"High\",\"% issued\",\"x\",\"Calendar Year\"\n");
        String rows = "(303, '82.6'), (822, '77.2'), (826, '85.2'), (845, '87.6'), (878, '11.8'), (881, '10.7'), "
                + "(882, '71.7'), (886, '40.9'), (926, '-'), (938, '16.5'), (839, '6.7')";
        Path parquet = dir.resolve("lait_extract.parquet");
        warehouse.execute("COPY (SELECT 'SEN_EHC_All_20wks' AS \"Short Desc\", 'item' AS \"Data item\", '2022' AS \"Years\", "
                + "'LA ' || n AS \"LA and Regions\", v AS \"Values\", CAST(n AS DOUBLE) AS \"LA Number\", 'South East' AS \"Region\" "
                + "FROM (VALUES " + rows + ") t(n, v)) TO '" + parquet + "' (FORMAT parquet)");
        new org.sendscope.ingest.lait.LaitLoader(dict, null, null).load(warehouse, parquet);
        try (var s = warehouse.connection().createStatement(); var rs = s.executeQuery("SELECT neighbour_mean, "
                + "neighbours_reported, neighbours_published FROM statistical_neighbour_averages WHERE area_code = 'E06000058' "
                + "AND measure = 'lait_sen_ehc_all_20wks' AND period_label = '2022'")) {
            assertTrue(rs.next());
            // (82.6 + 77.2 + 85.2 + 87.6 + 11.8 + 10.7 + 71.7 + 40.9 + 16.5) / 9 = 53.8
            assertEquals(53.8, rs.getDouble(1), 1e-9);
            assertEquals(9, rs.getInt(2));
            assertEquals(10, rs.getInt(3));
        }
    }

    @Test
    void loadingTwiceLeavesIdenticalCounts() throws Exception {
        Map<String, String> before = WarehouseDigest.of(warehouse);
        LoadResult again = new StatisticalNeighboursLoader(null)
                .load(warehouse, SharedData.dfe("statistical-neighbours/sn_may_2025.xlsx"));
        assertTrue(again.unchanged());
        assertEquals(before, WarehouseDigest.of(warehouse));
    }

    @Test
    void anUnknownClosenessOrAMissingColumnIsRefusedNamingTheCell(@TempDir Path dir) throws Exception {
        Path bad = dir.resolve("sn_june_2030.xlsx");
        write(bad, "SN10", "Fairly close");
        Path renamed = dir.resolve("sn_july_2030.xlsx");
        write(renamed, "SN 10", "Close");
        Map<String, String> before = WarehouseDigest.of(warehouse);
        StatisticalNeighboursLoader loader = new StatisticalNeighboursLoader(null);

        LoadException e = assertThrows(LoadException.class, () -> loader.load(warehouse, bad));
        assertEquals(2L, e.line());
        assertEquals("Fairly close", e.raw());
        assertEquals("LA SN Groups!V (SNP)", e.column());

        LoadException r = assertThrows(LoadException.class, () -> loader.load(warehouse, renamed));
        assertTrue(r.getMessage().contains("no column 'SN10'"), r.getMessage());
        assertEquals(before, WarehouseDigest.of(warehouse));
    }

    /** A hand-written one-LA workbook: BCP with ten neighbours, the last with the given closeness. */
    private static void write(Path file, String lastHeader, String lastCloseness) throws Exception {
        try (XSSFWorkbook wb = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(file)) {
            Sheet s = wb.createSheet("LA SN Groups");
            Row h = s.createRow(0);
            Row r = s.createRow(1);
            h.createCell(0).setCellValue("LA number");
            h.createCell(1).setCellValue("LA Name");
            r.createCell(0).setCellValue(839);
            r.createCell(1).setCellValue("Bournemouth, Christchurch and Poole");
            int[] neighbours = {822, 882, 886, 878, 826, 303, 938, 926, 845, 881};
            for (int k = 1; k <= 10; k++) {
                h.createCell(2 * k).setCellValue(k == 10 ? lastHeader : "SN" + k);
                h.createCell(2 * k + 1).setCellValue("SNP");
                r.createCell(2 * k).setCellValue(neighbours[k - 1]);
                r.createCell(2 * k + 1).setCellValue(k == 10 ? lastCloseness : "Very close");
            }
            wb.write(out);
        }
    }
}
