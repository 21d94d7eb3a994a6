package org.sendscope.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sendscope.testing.CliRun;
import org.sendscope.warehouse.Warehouse;

/** Areas and dates are read by one converter each, in every command, before anything is opened. */
class TypedOptionsTest {

    @Test
    void aBadDateIsOneLineNamingTheOptionAndNothingIsCreated(@TempDir Path dir) throws Exception {
        Path w = dir.resolve("w.duckdb");
        Path plan = dir.resolve("tracker.csv");
        Files.writeString(plan, "ref,action,status\n1.1,Do it,complete\n");
        CliRun r = CliRun.of("load", "actions", plan.toString(), "--plan", "p", "--snapshot", "12/04/2024",
                "--warehouse", w.toString());
        assertEquals(1, r.code(), r.err());
        assertEquals("sendscope: --snapshot must be a date YYYY-MM-DD (e.g. 2024-07-24), not '12/04/2024' "
                + "(sendscope load actions --help lists the options)", r.err().strip());
        assertFalse(Files.exists(w));
        CliRun ask = CliRun.of("ask", "ehcp_growth", "--area", "Poole", "--warehouse", w.toString());
        assertEquals(1, ask.code(), ask.err());
        assertTrue(ask.err().startsWith("sendscope: --area must be a GSS code such as E06000058 (BCP) or a DfE LA "
                + "number such as 839 (no area is called 'Poole')"), ask.err());
    }

    @Test
    void aGssCodeIsReadInEitherCase(@TempDir Path dir) throws Exception {
        Path w = dir.resolve("w.duckdb");
        Path csv = dir.resolve("scorecard.csv");
        Files.writeString(csv, "KPI,Dec-23,Jan-24,Target\nNo. of complaints,5,4,0\n");
        CliRun r = CliRun.of("load", "kpis", csv.toString(), "--area", "e06000058", "--published", "2024-04-30",
                "--warehouse", w.toString());
        assertEquals(0, r.code(), r.err());
        try (Warehouse wh = Warehouse.openReadOnly(w)) {
            assertEquals(2, wh.count("SELECT count(*) FROM observations WHERE area_code = 'E06000058' AND measure = 'complaints'"));
        }
    }
}
