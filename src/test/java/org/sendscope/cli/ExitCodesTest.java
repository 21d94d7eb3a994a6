package org.sendscope.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sendscope.testing.CliRun;

/** Exit 1 for a mistake the user can fix, 2 for a bug, whoever's SQL it is. */
class ExitCodesTest {

    @Test
    void aFailingQueryOfSendscopesOwnIsABugAndTheUsersOwnIsAMistake(@TempDir Path dir) throws Exception {
        Path w = dir.resolve("w.duckdb");
        Path csv = dir.resolve("scorecard.csv");
        Files.writeString(csv, "KPI,Dec-23,Jan-24,Target\nNo. of complaints,5,4,0\n");
        CliRun load = CliRun.of("load", "kpis", csv.toString(), "--area", "E06000058", "--published", "2024-04-30",
                "--warehouse", w.toString());
        assertEquals(0, load.code(), load.err());
        // break the warehouse under sendscope's own named question, as a bug in a view would: the
        // question reads the trend mart (decision 0125), the user's query below the observations view
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + w.toAbsolutePath());
             Statement s = c.createStatement()) {
            s.execute("DROP VIEW observations CASCADE");
            s.execute("DROP TABLE mart_kpi_trend CASCADE");
        }
        CliRun ask = CliRun.of("ask", "twenty_week_timeliness", "--area", "E06000058", "--as-of", "2024-07-24",
                "--warehouse", w.toString());
        assertEquals(2, ask.code(), ask.out() + ask.err());
        assertTrue(ask.err().startsWith("sendscope: internal error: "), ask.err());
        assertTrue(ask.err().contains("twenty_week_timeliness"), ask.err());
        assertTrue(ask.err().contains("run again with --verbose"), ask.err());
        CliRun verbose = CliRun.of("ask", "twenty_week_timeliness", "--area", "E06000058", "--as-of", "2024-07-24",
                "--warehouse", w.toString(), "--verbose");
        assertTrue(verbose.err().contains("\tat org.sendscope.analysis.ScrutinyAnswer.of"), verbose.err());
        // the user's own query against the same warehouse: their mistake, one line
        CliRun sql = CliRun.of("sql", "SELECT * FROM observations", "--warehouse", w.toString());
        assertEquals(1, sql.code(), sql.err());
        assertEquals(1, sql.err().strip().lines().count(), sql.err());
        // a "--verbose" inside the query text is a query, not the option
        CliRun quoted = CliRun.of("sql", "--warehouse", w.toString(), "--", "--verbose");
        assertEquals(1, quoted.code(), quoted.err());
        assertEquals(1, quoted.err().strip().lines().count(), quoted.err());
    }
}
