package org.sendscope.warehouse;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.sendscope.testing.CliRun;
import org.sendscope.testing.SharedData;
import org.sendscope.testing.SharedWarehouse;
import org.sendscope.testing.SharedWarehouse.Contents;

/**
 * One name per area (issue 12): the DSG files spell Hull "Kingston Upon Hull, City of" and
 * "Kingston upon Hull City of" and Bedford "Bedford Borough", SEN2 "Kingston upon Hull, City of"
 * and "Bedford"; the areas view and every observation show SEN2's name, whichever file loaded last.
 */
@ExtendWith(SharedWarehouse.class)
class OneNamePerAreaTest {
    @Test
    void sen2sNameWinsEverywhere(@SharedWarehouse.Copy(Contents.SEN2) Path w) throws Exception {
        Path dsg = SharedData.dfe("finance/DSG_by_year_dr.xlsx");
        CliRun load = CliRun.of("load", "dsg", dsg.toString(), "--warehouse", w.toString());
        assertEquals(0, load.code(), load.out() + load.err());
        try (Warehouse wh = Warehouse.openReadOnly(w)) {
            // As published: the DSG workbook's own spellings are still in the fact table.
            assertEquals(true, wh.count("SELECT count(*) FROM observation_fact WHERE area_code = 'E06000010' "
                    + "AND area_name <> 'Kingston upon Hull, City of'") > 0, "the DSG file spells Hull its own way");
            for (String[] a : new String[][] {{"E06000010", "Kingston upon Hull, City of"}, {"E06000055", "Bedford"},
                    {"E06000058", "Bournemouth, Christchurch and Poole"}}) {
                List<String> names = new ArrayList<>();
                try (var s = wh.connection().createStatement(); var rs = s.executeQuery(
                        "SELECT DISTINCT area_name FROM observations WHERE area_code = '" + a[0] + "' UNION "
                                + "SELECT name FROM areas WHERE area_code = '" + a[0] + "'")) {
                    while (rs.next()) names.add(rs.getString(1));
                }
                assertEquals(List.of(a[1]), names, a[0]);
            }
        }
    }
}
