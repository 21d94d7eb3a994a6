package org.sendscope.ingest.kpi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sendscope.ingest.LoadException;
import org.sendscope.ingest.SourceFile;
import org.sendscope.warehouse.Warehouse;

/** Analysts' scorecards: the wide layout (CSV, TSV, XLSX) and the long layout. Figures transcribed from BCP's papers. */
class KpiSpreadsheetTest {
    static final String BCP = "E06000058";

    static SourceFile fixture(String name) throws Exception {
        return SourceFile.of(Path.of(KpiSpreadsheetTest.class.getResource(name).toURI()));
    }

    static Double value(Warehouse w, String sql) throws Exception {
        try (Statement s = w.connection().createStatement(); ResultSet rs = s.executeQuery(sql)) {
            if (!rs.next()) throw new AssertionError("no row: " + sql);
            double v = rs.getDouble(1);
            return rs.wasNull() ? null : v;
        }
    }

    @Test
    void wideCsv() throws Exception {
        try (Warehouse w = Warehouse.inMemory()) {
            KpiLoadReport r = KpiSpreadsheetLoader.load(w, fixture("wide-scorecard.csv"), BCP, "2024-04-30");
            // by hand: 20wk 4 + 3 benchmarks, EHCPs 4 + national, backlog 4, AR timeliness 1 = 17 values;
            // TBC and awaiting data = 2 statuses; 'oops' refused
            assertEquals(17, r.tables().get(0).values(), r.summary());
            assertEquals(2, r.tables().get(0).statuses(), r.summary());
            assertEquals(1, r.result().rowsRejected());
            checkWide(w);
            assertEquals(1, w.count("SELECT count(*) FROM load_rejects WHERE raw_value = 'oops' AND line = 5 "
                    + "AND field LIKE 'annual_review_timely_pct%'"));
            assertEquals(1, w.count("SELECT count(*) FROM kpi_targets WHERE measure = 'annual_review_backlog' AND target = 0 "
                    + "AND direction = 'down' AND source = 'kpis:wide-scorecard' AND vintage = '2024-04-30'"));
        }
    }

    private static void checkWide(Warehouse w) throws Exception {
        assertEquals(67.1, value(w, "SELECT value FROM observations WHERE area_code = 'E06000058' "
                + "AND measure = 'ehc_20wk_pct_incl_exc' AND period_start = DATE '2024-03-01'"));
        assertEquals(36.4, value(w, "SELECT value FROM observations WHERE area_code = 'SN:E06000058' "
                + "AND level = 'statistical_neighbours' AND measure = 'ehc_20wk_pct_incl_exc' AND period_kind = 'calendar_year'"));
        assertEquals(34.7, value(w, "SELECT value FROM observations WHERE area_code = 'E12000009' AND level = 'region' "
                + "AND period_label = '2022'"));
        assertEquals(389171, value(w, "SELECT value FROM observations WHERE area_code = 'E92000001' "
                + "AND measure = 'pupils_with_ehcp' AND period_start = DATE '2023-01-01' AND period_kind = 'census_january'"));
        assertEquals(1030, value(w, "SELECT value FROM observations WHERE measure = 'annual_review_backlog' "
                + "AND period_label = 'Mar-24'"));
    }

    @Test
    void theSameScorecardAsXlsxWithExcelPercentages(@TempDir Path dir) throws Exception {
        Path xlsx = dir.resolve("scorecard.xlsx");
        try (XSSFWorkbook wb = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(xlsx)) {
            Sheet s = wb.createSheet("Scorecard");
            CellStyle pct = wb.createCellStyle();
            pct.setDataFormat(wb.createDataFormat().getFormat("0.0%"));
            Object[][] rows = {
                    {"KPI", "Required direction of travel", "Dec-23", "Jan-24", "Feb-24", "Mar-24", "Target", "National",
                            "South West", "Statistical Neighbours"},
                    {"% of new EHCPs issued within 20 weeks (including exceptions)", "▲", 0.122, 0.279, 0.529, 0.671, 0.95,
                            "47.7% (2022)", "34.7% (2022)", "36.4% (2022)"},
                    {"No. of EHCPs", "", 3736.0, 3791.0, 3877.0, 3949.0, "n/a", "389171 (Jan 23)", "n/a", "n/a"},
                    {"No. of annual reviews not finalised (meeting held but not processed - backlog)", "▼", 1404.0, 1359.0,
                            1216.0, 1030.0, 0.0, "n/a", "n/a", "n/a"},
            };
            for (int i = 0; i < rows.length; i++) {
                Row row = s.createRow(i);
                for (int j = 0; j < rows[i].length; j++) {
                    Object v = rows[i][j];
                    var cell = row.createCell(j);
                    if (v instanceof Double d) {
                        cell.setCellValue(d);
                        if (i == 1) cell.setCellStyle(pct);
                    } else {
                        cell.setCellValue((String) v);
                    }
                }
            }
            wb.write(out);
        }
        try (Warehouse w = Warehouse.inMemory()) {
            KpiLoadReport r = KpiSpreadsheetLoader.load(w, SourceFile.of(xlsx), BCP, "2024-04-30");
            assertEquals(0, r.result().rowsRejected(), r.summary());
            checkWide(w);
            assertEquals(95.0, value(w, "SELECT target FROM kpi_targets WHERE measure = 'ehc_20wk_pct_incl_exc'"));
        }
    }

    @Test
    void tsvReadsLikeCsv(@TempDir Path dir) throws Exception {
        Path tsv = dir.resolve("scorecard.tsv");
        Files.writeString(tsv, "KPI\tDec-23\tJan-24\nNo. of complaints\t5\t5\nNo. of EHCPs\t3736\t3791\n");
        try (Warehouse w = Warehouse.inMemory()) {
            KpiLoadReport r = KpiSpreadsheetLoader.load(w, SourceFile.of(tsv), BCP, "2024-04-30");
            assertEquals(4, r.tables().get(0).values(), r.summary());
            assertEquals(3791, value(w, "SELECT value FROM observations WHERE measure = 'ehc_plans_local' AND period_label = 'Jan-24'"));
        }
    }

    @Test
    void longCsv() throws Exception {
        try (Warehouse w = Warehouse.inMemory()) {
            KpiLoadReport r = KpiSpreadsheetLoader.load(w, fixture("long-scorecard.csv"), BCP, "2024-07-24");
            // 10 rows: 8 values; refused: 'Smarch-24' (not a period) and complaints without a value
            assertEquals(8, r.tables().get(0).values(), r.summary());
            assertEquals(2, r.result().rowsRejected(), r.summary());
            assertEquals(27.9, value(w, "SELECT value FROM observations WHERE measure = 'ehc_20wk_pct_incl_exc' "
                    + "AND area_code = 'E06000058' AND period_label = 'Jan-24'"));
            assertEquals(47.7, value(w, "SELECT value FROM observations WHERE area_code = 'E92000001' AND period_label = '2022'"));
            assertEquals(34.7, value(w, "SELECT value FROM observations WHERE area_code = 'E12000009' AND period_label = '2022'"));
            assertEquals(36.4, value(w, "SELECT value FROM observations WHERE area_code = 'SN:E06000058' AND period_label = '2022'"));
            assertEquals(389171, value(w, "SELECT value FROM observations WHERE measure = 'pupils_with_ehcp'"));
            assertEquals(212, value(w, "SELECT value FROM observations WHERE measure = 'local_waiting_list_for_the_autism_pathway' "
                    + "AND period_kind = 'half_term'"));
            assertEquals(1, w.count("SELECT count(*) FROM load_rejects WHERE raw_value = 'Smarch-24' AND reason = 'not a period'"));
            assertEquals(2, w.count("SELECT count(*) FROM kpi_targets WHERE measure = 'ehc_20wk_pct_incl_exc' AND target = 95"));
        }
    }

    @Test
    void aFileWithNeitherLayoutIsRefusedWhole(@TempDir Path dir) throws Exception {
        Path csv = dir.resolve("list.csv");
        Files.writeString(csv, "name,score\nA,1\n");
        try (Warehouse w = Warehouse.inMemory()) {
            assertThrows(LoadException.class, () -> KpiSpreadsheetLoader.load(w, SourceFile.of(csv), BCP, "2024-01-01"));
            assertEquals(0, w.count("SELECT count(*) FROM observations"));
        }
    }
}
