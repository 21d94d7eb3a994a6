package org.sendscope.finance;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * A scenario run as an xlsx in the layout of DfE's DSG deficit management plan, for a finance
 * officer to paste from: "CYP summary" (EHC plans by the 7 placement categories and 5 age groups,
 * one column per financial year) and "Financial summary" (funding, spend by category, in-year and
 * cumulative balance), plus "Sources" (every figure and where it came from). Plain values only,
 * no formulas, so any reader shows the same numbers.
 */
public final class DsgPlanExport {
    private DsgPlanExport() {
    }

    public static void write(ScenarioInputs in, YearResults r, Long runId, Path out) throws IOException {
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            CellStyle bold = wb.createCellStyle();
            Font f = wb.createFont();
            f.setBold(true);
            bold.setFont(f);
            CellStyle count = wb.createCellStyle();
            count.setDataFormat(wb.createDataFormat().getFormat("#,##0"));
            CellStyle gbp = wb.createCellStyle();
            gbp.setDataFormat(wb.createDataFormat().getFormat("£#,##0;-£#,##0"));
            Scenario s = in.scenario;

            Sheet cyp = wb.createSheet("CYP summary");
            int row = title(cyp, bold, s, "Children and young people with EHC plans by placement and age (as at January in each financial year)", runId);
            Row head = cyp.createRow(row++);
            cell(head, 0, "Placement category", bold);
            cell(head, 1, "Age group", bold);
            for (int t = 0; t < r.years(); t++) cell(head, 2 + t, r.year(t).toString(), bold);
            for (PlacementCategory c : PlacementCategory.values()) {
                if (in.ageMix != null) {
                    for (AgeGroup a : AgeGroup.values()) {
                        Row x = cyp.createRow(row++);
                        cell(x, 0, c.label(), null);
                        cell(x, 1, a.label(), null);
                        for (int t = 0; t < r.years(); t++) number(x, 2 + t, Math.round(r.plans(t, c, a)), count);
                    }
                }
                Row x = cyp.createRow(row++);
                cell(x, 0, c.label(), bold);
                cell(x, 1, "Total", bold);
                for (int t = 0; t < r.years(); t++) number(x, 2 + t, Math.round(r.plans(t, c)), count);
            }
            Row total = cyp.createRow(row++);
            cell(total, 0, "Total EHC plans", bold);
            cell(total, 1, "All ages", bold);
            for (int t = 0; t < r.years(); t++) number(total, 2 + t, Math.round(r.ehcps(t)), count);
            if (in.ageMix == null) cell(cyp.createRow(row + 1), 0, "No SEN2 age bands for this LA in the warehouse: totals by category only.", null);
            cyp.setColumnWidth(0, 52 * 256);
            cyp.setColumnWidth(1, 14 * 256);

            Sheet fin = wb.createSheet("Financial summary");
            row = title(fin, bold, s, "High Needs Block: funding, spend and DSG balance (£, cash)", runId);
            head = fin.createRow(row++);
            cell(head, 0, "Line", bold);
            for (int t = 0; t < r.years(); t++) cell(head, 1 + t, r.year(t).toString(), bold);
            row = line(fin, row, "High Needs Block funding", r, r.hnb, gbp, null);
            row = line(fin, row, "Schools block transfer", r, r.transfer, gbp, null);
            row = line(fin, row, "Total funding", r, r.funding, gbp, bold);
            for (PlacementCategory c : PlacementCategory.values()) {
                double[] v = new double[r.years()];
                for (int t = 0; t < v.length; t++) v[t] = r.spend(t, c);
                row = line(fin, row, "Spend: " + c.label(), r, v, gbp, null);
            }
            row = line(fin, row, "Spend: other high needs", r, r.otherSpend, gbp, null);
            row = line(fin, row, "Spend: invest-to-save funds", r, r.fundCost, gbp, null);
            row = line(fin, row, "Total spend", r, r.spend, gbp, bold);
            row = line(fin, row, "In-year balance (funding - spend)", r, r.inYear, gbp, bold);
            double[] opening = new double[r.years()];
            for (int t = 0; t < opening.length; t++) opening[t] = t == 0 ? s.openingBalance().value() : r.cumulative[t - 1];
            row = line(fin, row, "Cumulative DSG balance brought forward", r, opening, gbp, null);
            line(fin, row, "Cumulative DSG balance carried forward (31 March)", r, r.cumulative, gbp, bold);
            fin.setColumnWidth(0, 52 * 256);

            Sheet src = wb.createSheet("Sources");
            row = title(src, bold, s, "Every figure and where it came from", runId);
            head = src.createRow(row++);
            cell(head, 0, "Figure", bold);
            cell(head, 1, "Value", bold);
            cell(head, 2, "Low", bold);
            cell(head, 3, "High", bold);
            cell(head, 4, "Source", bold);
            for (Knobs.Knob k : in.knobs.all()) {
                Row x = src.createRow(row++);
                cell(x, 0, k.name(), null);
                number(x, 1, k.figure().value(), null);
                if (k.figure().hasRange()) {
                    number(x, 2, k.figure().low(), null);
                    number(x, 3, k.figure().high(), null);
                }
                cell(x, 4, k.figure().source(), null);
            }
            for (PlacementCategory c : PlacementCategory.values()) {
                Row x = src.createRow(row++);
                cell(x, 0, "unit cost after calibration: " + c.code(), null);
                number(x, 1, Math.round(in.unitCost(c)), null);
                cell(x, 4, in.calibrationFactor == 1 ? "as stated" : String.format("stated x %.4f (calibration)", in.factor(c)), null);
            }
            Row x = src.createRow(row++);
            cell(x, 0, "demand", null);
            cell(x, 4, in.demandSource, null);
            x = src.createRow(row);
            cell(x, 0, "placement mix", null);
            cell(x, 4, in.mixSource, null);
            src.setColumnWidth(0, 44 * 256);
            src.setColumnWidth(4, 120 * 256);

            Files.createDirectories(out.toAbsolutePath().getParent());
            try (OutputStream o = Files.newOutputStream(out)) {
                wb.write(o);
            }
        }
    }

    private static int title(Sheet sh, CellStyle bold, Scenario s, String what, Long runId) {
        cell(sh.createRow(0), 0, "DSG deficit management plan: " + what, bold);
        cell(sh.createRow(1), 0, s.title() + " (" + s.area() + ", scenario " + s.name() + ", sha256 "
                + s.sha256().substring(0, 12) + (runId == null ? "" : ", scenario run " + runId) + ")", null);
        return 3;
    }

    private static int line(Sheet sh, int row, String label, YearResults r, double[] v, CellStyle gbp, CellStyle bold) {
        Row x = sh.createRow(row);
        cell(x, 0, label, bold);
        for (int t = 0; t < r.years(); t++) number(x, 1 + t, Math.round(v[t]), gbp);
        return row + 1;
    }

    private static void cell(Row r, int c, String v, CellStyle style) {
        Cell cell = r.createCell(c);
        cell.setCellValue(v);
        if (style != null) cell.setCellStyle(style);
    }

    private static void number(Row r, int c, double v, CellStyle style) {
        Cell cell = r.createCell(c);
        cell.setCellValue(v);
        if (style != null) cell.setCellStyle(style);
    }
}
