package org.sendscope.ingest.sheets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.File;
import java.nio.file.Path;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.junit.jupiter.api.Test;
import org.sendscope.testing.SharedData;

/** The StAX workbook reader gives the same cells as Apache POI on every sheet of every real DfE workbook. */
class WorkbookTest {

    @Test
    void everyCellOfTheRealWorkbooksMatchesPoi() throws Exception {
        for (Path file : List.of(SharedData.dfe("lait/la_code_list.xlsx"),
                SharedData.dfe("statistical-neighbours/sn_may_2025.xlsx"),
                SharedData.dfe("statistical-neighbours/sn_april_2021.xlsx"),
                SharedData.dfe("finance/dsg_deficit_derived.xlsx"),
                SharedData.dfe("finance/DSG_by_year_dr.xlsx"))) {
            List<Worksheet> ours = Workbook.read(file).sheets();
            try (org.apache.poi.ss.usermodel.Workbook poi = WorkbookFactory.create(new File(file.toString()), null, true)) {
                assertEquals(poi.getNumberOfSheets(), ours.size(), file.toString());
                int compared = 0;
                for (int i = 0; i < ours.size(); i++) {
                    Sheet sheet = poi.getSheetAt(i);
                    Worksheet mine = ours.get(i);
                    assertEquals(sheet.getSheetName(), mine.name());
                    for (Row row : sheet) {
                        for (Cell cell : row) {
                            String where = file.getFileName() + " " + sheet.getSheetName() + "!" + cell.getAddress();
                            Worksheet.Cell c = mine.cell(row.getRowNum(), cell.getColumnIndex());
                            switch (cell.getCellType()) {
                                case NUMERIC -> {
                                    assertNotNull(c, where);
                                    assertEquals(cell.getNumericCellValue(), Double.parseDouble(c.raw()), 0.0, where);
                                }
                                case STRING -> {
                                    if (cell.getStringCellValue().isEmpty()) continue;
                                    assertNotNull(c, where);
                                    assertEquals(cell.getStringCellValue(), c.raw(), where);
                                }
                                case BLANK -> assertNull(c, where);
                                default -> assertNotNull(c, where + " " + cell.getCellType());
                            }
                            if (cell.getCellType() != CellType.BLANK) compared++;
                        }
                    }
                }
                assertEquals(true, compared > 100, file + ": compared " + compared + " cells");
            }
        }
    }

    @Test
    void columnLettersGoBothWays() {
        assertEquals(0, Workbook.columnIndex("A1"));
        assertEquals(25, Workbook.columnIndex("Z9"));
        assertEquals(26, Workbook.columnIndex("AA10"));
        assertEquals("A", Workbook.columnName(0));
        assertEquals("Z", Workbook.columnName(25));
        assertEquals("AA", Workbook.columnName(26));
        assertEquals("AZ", Workbook.columnName(51));
    }
}
