package org.sendscope.period;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.junit.jupiter.api.Test;
import org.sendscope.testing.SharedData;
import org.sendscope.warehouse.Warehouse;

/** The one rule for DfE year labels, in Java and as SQL macros, on every label the published files hold. */
class DfePeriodsTest {

    @Test
    void readsTheShapesTheReleasesUse() {
        assertEquals(new DfePeriods.Year(2019, true), DfePeriods.parse("201920").orElseThrow());
        assertEquals(new DfePeriods.Year(2019, true), DfePeriods.parse("2019-20").orElseThrow());
        assertEquals(new DfePeriods.Year(2019, true), DfePeriods.parse("2019/20").orElseThrow());
        assertEquals(new DfePeriods.Year(1999, true), DfePeriods.parse("199900").orElseThrow());
        assertEquals(new DfePeriods.Year(2022, false), DfePeriods.parse(" 2022 ").orElseThrow());
        assertTrue(DfePeriods.parse("201921").isEmpty(), "years that do not follow each other");
        assertTrue(DfePeriods.parse("2016-17 (OT)").isEmpty(), "LAIT's qualifiers are LAIT's to take off");
        assertEquals(2020, DfePeriods.censusYear("201920"));
        assertEquals(2022, DfePeriods.censusYear("2022"));
        assertEquals(Period.censusJanuary(2020, "201920"), DfePeriods.census("201920"));
        assertEquals(Period.academicYear(2020, "202021"), DfePeriods.flow("202021"));
        assertEquals(Period.calendarYear(2021, "2021"), DfePeriods.flow("2021"));
        assertEquals(LocalDate.of(2019, 4, 1), DfePeriods.financialYear("2019-20").start());
        assertNull(DfePeriods.financialYear("2019"));
        assertThrows(IllegalArgumentException.class, () -> DfePeriods.census("2019-2020"));
    }

    @Test
    void theSqlMacrosReadEveryPublishedLabelAsJavaDoes() throws Exception {
        TreeSet<String> labels = new TreeSet<>(List.of("2022", "202122", "2021-22", "2021/22", "201921", "199900",
                " 2019 ", "20221", "2022-2023", "abcd", "", "2016-17 (OT)", "0"));
        int sen2 = 0;
        for (String z : List.of("education-health-and-care-plans_2022.zip", "education-health-and-care-plans_2025_to-jan-2023.zip")) {
            sen2 += sen2Labels(SharedData.dfe("ehc-plans/" + z), labels);
        }
        int finance = 0;
        for (String x : List.of("DSG_by_year_dr.xlsx", "dsg_deficit_derived.xlsx")) {
            finance += financeLabels(SharedData.dfe("finance/" + x), labels);
        }
        int lait = 0;
        try (Warehouse w = Warehouse.inMemory(); Statement s = w.connection().createStatement();
             ResultSet rs = s.executeQuery("SELECT DISTINCT CAST(Years AS VARCHAR) FROM read_parquet('"
                     + SharedData.dfe("lait/bds_long.parquet") + "') WHERE Years IS NOT NULL")) {
            while (rs.next()) lait += labels.add(rs.getString(1)) ? 1 : 0;
        }
        // the files' own label shapes: SEN2 both (2022, 202122), finance spanning years, LAIT many
        assertTrue(sen2 >= 10 && finance >= 2 && lait >= 20, "labels found: SEN2 " + sen2 + ", finance " + finance
                + ", LAIT " + lait);
        List<String> differ = new ArrayList<>();
        try (Warehouse w = Warehouse.inMemory(); PreparedStatement p = w.connection().prepareStatement(
                "SELECT dfe_first_year(x), dfe_spans_two_years(x), dfe_census_year(x), dfe_flow_kind(x), "
                        + "dfe_flow_start(x), dfe_flow_end(x), dfe_financial_start(x), dfe_financial_end(x) "
                        + "FROM (SELECT CAST(? AS VARCHAR) AS x)")) {
            for (String label : labels) {
                p.setString(1, label);
                try (ResultSet rs = p.executeQuery()) {
                    rs.next();
                    List<Object> sql = List.of(String.valueOf(rs.getObject(1)), String.valueOf(rs.getObject(2)),
                            String.valueOf(rs.getObject(3)), String.valueOf(rs.getObject(4)), date(rs.getDate(5)),
                            date(rs.getDate(6)), date(rs.getDate(7)), date(rs.getDate(8)));
                    List<Object> java = javaReading(label);
                    if (!sql.equals(java)) differ.add("'" + label + "': SQL " + sql + ", Java " + java);
                }
            }
        }
        assertEquals(List.of(), differ);
    }

    private static List<Object> javaReading(String label) {
        DfePeriods.Year y = DfePeriods.parse(label).orElse(null);
        if (y == null) return List.of("null", "null", "null", "null", "null", "null", "null", "null");
        Period flow = DfePeriods.flow(label);
        Period fin = DfePeriods.financialYear(label);
        return List.of(String.valueOf(y.firstYear()), String.valueOf(y.spansTwo()), String.valueOf(y.censusYear()),
                flow.kindCode(), flow.start().toString(), flow.end().toString(),
                fin == null ? "null" : fin.start().toString(), fin == null ? "null" : fin.end().toString());
    }

    private static String date(Date d) {
        return d == null ? "null" : d.toLocalDate().toString();
    }

    /** Adds the time_period labels of every CSV in a SEN2 zip; returns how many were new. */
    private static int sen2Labels(Path zip, TreeSet<String> labels) throws Exception {
        int added = 0;
        try (ZipFile z = new ZipFile(zip.toFile())) {
            for (ZipEntry e : z.stream().filter(e -> e.getName().endsWith(".csv")).toList()) {
                try (Reader r = new InputStreamReader(z.getInputStream(e), StandardCharsets.UTF_8);
                     CSVParser p = CSVParser.parse(r, CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get())) {
                    String column = p.getHeaderNames().stream().filter(h -> h.replace("\uFEFF", "").equals("time_period"))
                            .findFirst().orElse(null);
                    if (column == null) continue;
                    for (CSVRecord rec : p) added += labels.add(rec.get(column)) ? 1 : 0;
                }
            }
        }
        return added;
    }

    /** Adds the labels under the time_period and financial_year headers of a workbook. */
    private static int financeLabels(Path xlsx, TreeSet<String> labels) throws Exception {
        int added = 0;
        DataFormatter f = new DataFormatter();
        try (Workbook wb = WorkbookFactory.create(xlsx.toFile(), null, true)) {
            for (Sheet sheet : wb) {
                List<Integer> columns = new ArrayList<>();
                for (Row row : sheet) {
                    if (columns.isEmpty()) {
                        for (Cell c : row) {
                            String h = f.formatCellValue(c).trim();
                            if (h.equals("time_period") || h.equals("financial_year")) columns.add(c.getColumnIndex());
                        }
                        if (columns.isEmpty() && row.getRowNum() > 5) break;
                        continue;
                    }
                    for (int c : columns) {
                        String v = f.formatCellValue(row.getCell(c));
                        if (!Objects.requireNonNull(v).isBlank()) added += labels.add(v) ? 1 : 0;
                    }
                }
            }
        }
        return added;
    }
}
