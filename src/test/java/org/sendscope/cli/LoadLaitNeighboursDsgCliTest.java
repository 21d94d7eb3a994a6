package org.sendscope.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.sendscope.testing.CliRun;
import org.junit.jupiter.api.io.TempDir;
import org.sendscope.testing.SharedData;
import org.sendscope.testing.SharedWarehouse;
import org.sendscope.testing.SharedWarehouse.Contents;

/**
 * {@code load lait}, {@code load neighbours} and {@code load dsg} as a user types them, with their
 * exit codes. Each follows {@code load dfe-ehcp}, whose areas give LA numbers their GSS codes.
 */
@ExtendWith(SharedWarehouse.class)
class LoadLaitNeighboursDsgCliTest {

    static CliRun run(String... args) {
        return CliRun.of(args);
    }

    @Test
    void theSharedFilesLoadWithTheirDefaultsAndAReloadChangesNothing(@SharedWarehouse.Copy(Contents.SEN2) Path sen2) {
        String w = sen2.toString();
        // The dictionary and the LA code list are found beside the Parquet file; loads 1 and 2 are SEN2's.
        CliRun lait = run("load", "lait", SharedData.dfe("lait/bds_long.parquet").toString(), "--warehouse", w);
        assertEquals(0, lait.code(), lait.err());
        assertTrue(lait.out().contains("vintage 2023 loaded as load 3: 457,595 rows, 385 values rejected"), lait.out());
        CliRun sn = run("load", "neighbours", SharedData.dfe("statistical-neighbours/sn_may_2025.xlsx").toString(),
                SharedData.dfe("statistical-neighbours/sn_april_2021.xlsx").toString(), "--warehouse", w);
        assertEquals(0, sn.code(), sn.err());
        assertTrue(sn.out().contains("vintage 2025-05 loaded as load 4: 1,580 rows"), sn.out());
        assertTrue(sn.out().contains("vintage 2021-04 loaded as load 5: 1,560 rows"), sn.out());
        CliRun dsg = run("load", "dsg", SharedData.dfe("finance/dsg_deficit_derived.xlsx").toString(),
                SharedData.dfe("finance/DSG_by_year_dr.xlsx").toString(), "--warehouse", w);
        assertEquals(0, dsg.code(), dsg.err());
        assertTrue(dsg.out().contains("478 rows") && dsg.out().contains("799 rows"), dsg.out());

        CliRun again = run("load", "lait", SharedData.dfe("lait/bds_long.parquet").toString(), "--warehouse", w);
        assertEquals(0, again.code(), again.err());
        assertTrue(again.out().contains("already loaded as load 3, unchanged"), again.out());

        CliRun q = run("sql", "--warehouse", w, "--format", "csv", "SELECT count(*) AS n FROM statistical_neighbours "
                + "WHERE area_code = 'E06000058' AND neighbour_code = 'E06000055'");
        assertEquals(0, q.code(), q.err());
        assertEquals("1", q.out().lines().skip(1).findFirst().orElseThrow());
    }

    @Test
    void aRefusedFileIsExitCodeOneWithOneLineNamingWhere(@TempDir Path dir, @SharedWarehouse.Copy(Contents.SEN2) Path sen2)
            throws Exception {
        String w = sen2.toString();
        CliRun wrongKind = run("load", "dsg", SharedData.dfe("lait/la_code_list.xlsx").toString(), "--warehouse", w);
        assertEquals(1, wrongKind.code());
        assertTrue(wrongKind.err().startsWith("sendscope: ") && wrongKind.err().contains("la_code_list.xlsx, line 1")
                && wrongKind.err().contains("is not a DSG sheet"), wrongKind.err());
        assertEquals(1, wrongKind.err().strip().lines().count(), wrongKind.err());

        Path parquet = dir.resolve("bds_long.parquet");
        Files.write(parquet, new byte[] {1, 2, 3});
        CliRun noDictionary = run("load", "lait", parquet.toString(), "--warehouse", w);
        assertEquals(1, noDictionary.code());
        assertTrue(noDictionary.err().contains("pass --dictionary FILE"), noDictionary.err());

        CliRun noFile = run("load", "neighbours", dir.resolve("sn_may_2099.xlsx").toString(), "--warehouse", w);
        assertEquals(1, noFile.code());
        assertTrue(noFile.err().contains("no such file"), noFile.err());
    }

    @Test
    void aFileThatNamesLasByNumberBeforeAnySen2ReleaseIsRefusedSayingWhatToLoadFirst(@TempDir Path dir) {
        String w = dir.resolve("w.duckdb").toString();
        String[][] loads = {{"lait", SharedData.dfe("lait/bds_long.parquet").toString()},
                {"neighbours", SharedData.dfe("statistical-neighbours/sn_may_2025.xlsx").toString()},
                {"dsg", SharedData.dfe("finance/dsg_deficit_derived.xlsx").toString()}};
        for (String[] load : loads) {
            CliRun r = run("load", load[0], load[1], "--warehouse", w);
            assertEquals(1, r.code(), load[0] + ": " + r.err());
            assertTrue(r.err().startsWith("sendscope: " + load[1]) && r.err().contains("with no SEN2 release loaded")
                    && r.err().contains("run `sendscope load dfe-ehcp education-health-and-care-plans_*.zip` first"), r.err());
            assertEquals(1, r.err().strip().lines().count(), r.err());
        }
        // nothing was loaded
        CliRun q = run("sql", "--warehouse", w, "--format", "csv", "SELECT count(*) AS n FROM load_log WHERE status = 'loaded'");
        assertEquals(0, q.code(), q.err());
        assertEquals("0", q.out().lines().skip(1).findFirst().orElseThrow());
    }
}
