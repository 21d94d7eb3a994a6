package org.sendscope.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sendscope.cli.Main;
import org.sendscope.warehouse.Warehouse;
import picocli.CommandLine;

class DemoTest {

    @Test
    void buildsAWarehouseFromBundledDataAndRunsAgainWithoutChange(@TempDir Path dir) {
        Path file = dir.resolve("demo.duckdb");
        StringWriter out = new StringWriter();
        CommandLine cl = Main.commandLine();
        cl.setOut(new PrintWriter(out));
        assertEquals(0, cl.execute("demo", "--warehouse", file.toString()), out.toString());
        String text = out.toString();
        assertTrue(text.contains("ehc_20wk_pct_incl_exc"), text);
        assertTrue(text.contains("synthetic"), text);
        // the first screen: at most 60 lines, a headline for each kind of user and what to try next
        assertTrue(text.lines().count() <= DemoSummary.MAX_LINES, text.lines().count() + " lines:\n" + text);
        assertTrue(text.contains("ehc_20wk_pct_incl_exc (total, month) Mar-24: 67.1 against a target of 95 "
                + "(higher is required): misses it"), text);
        assertTrue(text.contains("Mar-24: 67.1% (52.9% in Feb-24: improving); target 95.0%, RED."), text);
        assertTrue(text.contains("kpis         2 files          194 rows   vintage 2024-07-24, synthetic"), text);
        assertTrue(text.contains("Try next:\n  ./sendscope notebook run"), text);
        assertTrue(!text.contains("Loads in force:"), "full tables only with --verbose:\n" + text);
        // BCP's published scorecard as at 31 March 2024, written under target/ (report scorecard, decision 0182)
        assertTrue(text.contains("   scorecard: 13 pages (12 KPIs), 0 figures suppressed, in "), text);
        assertTrue(java.nio.file.Files.exists(Path.of("target/scorecard/demo-bcp/index.html")));
        try (Warehouse w = Warehouse.openReadOnly(file)) {
            // transcribed facts from the papers
            assertEquals(1, w.count("SELECT count(*) FROM observations WHERE area_code = 'E06000058' "
                    + "AND measure = 'ehc_20wk_pct_incl_exc' AND period_label = 'Mar-24' AND value = 67.1"));
            assertEquals(1, w.count("SELECT count(*) FROM observations WHERE area_code = 'SN:E06000058' AND value = 36.4"));
            // the scorecard view: latest month against target and required direction
            assertEquals(1, w.count("SELECT count(*) FROM kpi_latest WHERE area_code = 'E06000058' "
                    + "AND measure = 'ehc_20wk_pct_incl_exc' AND period_label = 'Mar-24' AND value = 67.1 AND target = 95 "
                    + "AND direction = 'up' AND NOT meets_target"));
            assertEquals(1, w.count("SELECT count(*) FROM kpi_latest WHERE area_code = 'E06000058' "
                    + "AND measure = 'annual_review_timely_pct' AND status = 'tbc' AND meets_target IS NULL"));
            assertTrue(w.count("SELECT count(*) FROM action_status_summary") > 0);
            // everything generated says so
            assertTrue(w.count("SELECT count(*) FROM observations WHERE vintage = 'synthetic'") > 100);
            assertEquals(0, w.count("SELECT count(*) FROM observations WHERE vintage = 'synthetic' "
                    + "AND (area_name NOT LIKE '%Synthetic%' OR source NOT LIKE '%synthetic%')"));
            assertEquals(0, w.count("SELECT count(*) FROM observations WHERE vintage = 'synthetic' "
                    + "AND area_code NOT LIKE '%E06999999'"));
        }
        StringWriter again = new StringWriter();
        cl = Main.commandLine();
        cl.setOut(new PrintWriter(again));
        assertEquals(0, cl.execute("demo", "--warehouse", file.toString(), "--verbose"));
        assertTrue(again.toString().contains("already loaded"), again.toString());
        // --verbose: the full tables, kpi_latest with its breakdown and period kind
        assertTrue(again.toString().contains("Loads in force:"), again.toString());
        assertTrue(again.toString().lines().anyMatch(l -> l.matches("\\s*measure\\s+\\|?\\s*breakdown\\s+\\|?\\s*period_kind.*")),
                again.toString());
        try (Warehouse w = Warehouse.openReadOnly(file)) {
            // Where ../shared is present the demo loads the SEN2 releases in place and forecasts every LA
            // with a January 2023 figure (152 in caseload.csv 202223); the second run stores no new run.
            if (w.count("SELECT count(*) FROM observations WHERE measure = 'ehc_plans'") > 0) {
                assertEquals(1, w.count("SELECT count(*) FROM forecast_runs"));
                assertEquals(152, w.count("SELECT count(DISTINCT area_code) FROM forecasts"));
            } else {
                assertEquals(0, w.count("SELECT count(*) FROM forecast_runs"));
            }
        }
    }

    @Test
    void stepsAreAListTheLeadCanExtend() {
        var titles = Demo.steps().stream().map(DemoStep::title).toList();
        assertTrue(titles.get(0).contains("transcribed from BCP's committee papers"), titles.toString());
        assertTrue(titles.stream().anyMatch(t -> t.contains("published releases")), titles.toString());
        assertTrue(titles.stream().anyMatch(t -> t.startsWith("forecast EHC plans")), titles.toString());
        assertEquals("summary", titles.get(titles.size() - 1));
    }
}
