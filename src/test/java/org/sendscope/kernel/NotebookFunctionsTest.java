package org.sendscope.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.sendscope.ingest.sheets.SheetCells;
import org.sendscope.warehouse.Warehouse;

/** The SQL functions a notebook's queries call: periods as people say them, markers explained. */
class NotebookFunctionsTest {
    @Test
    void periodNameAndStatusMeaningInSql() throws Exception {
        try (Warehouse w = Warehouse.inMemory()) {
            NotebookFunctions.register(w.connection());
            List<String> got = new ArrayList<>();
            try (Statement s = w.connection().createStatement(); ResultSet rs = s.executeQuery("""
                    SELECT period_name(k, a, b), status_meaning(st) FROM (VALUES
                        ('census_january', DATE '2020-01-01', DATE '2020-01-31', 'x'),
                        ('academic_year', DATE '2022-09-01', DATE '2023-08-31', '-'),
                        ('month', DATE '2024-03-01', DATE '2024-03-31', 'tbc'),
                        ('calendar_year', DATE '2022-01-01', DATE '2022-12-31', 'reported'),
                        ('month', NULL, DATE '2024-03-31', NULL)) t(k, a, b, st)
                    """)) {
                while (rs.next()) got.add(rs.getString(1) + " | " + rs.getString(2));
            }
            assertEquals(List.of("January 2020 | not available (x)", "2022-23 | no figure published (-)",
                    "Mar 2024 | to be confirmed (tbc)", "2022 | a published figure", "null | null"), got);
        }
    }

    @Test
    void everyMarkerTheLoadersKeepHasAMeaning() {
        for (String m : SheetCells.MARKERS) {
            assertTrue(NotebookFunctions.STATUS_MEANINGS.containsKey(m), "marker '" + m + "' has no meaning");
        }
        assertEquals("marked 'odd'", NotebookFunctions.statusMeaning("odd"));
        assertEquals("the region's figure printed on the LA's line, not the LA's own",
                NotebookFunctions.statusMeaning(org.sendscope.ingest.areas.RegionFigures.STATUS));
    }
}
