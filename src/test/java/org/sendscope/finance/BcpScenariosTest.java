package org.sendscope.finance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.extension.ExtendWith;
import org.sendscope.testing.CliRun;
import org.sendscope.testing.SharedWarehouse;
import org.sendscope.testing.SharedWarehouse.Contents;
import org.sendscope.warehouse.Warehouse;

/**
 * The three BCP scenario files against the papers' figures (Cabinet report of 22 May 2024 in the
 * agenda pack of 24 July 2024): -£63m at 31 March 2024, £28m spent above the grant in 2024/25 after
 * the 0.5 % transfer, so about -£91m at 31 March 2025; 3 % funding growth; 35 % EHCP growth over
 * five years. On a warehouse with the real SEN2 release (placements, ceased plans) loaded.
 */
@ExtendWith(SharedWarehouse.class)
class BcpScenariosTest {
    static final Path DIR = Path.of("notebooks", "scenarios");
    @TempDir
    static Path tmp;
    static Path warehouse;

    /** A copy of a warehouse with both SEN2 releases loaded ({@code sendscope load dfe-ehcp}). */
    @BeforeAll
    static void load(@SharedWarehouse.Copy(Contents.SEN2) Path copy) {
        warehouse = copy;
    }

    static List<String[]> csv(String out) {
        return out.lines().skip(1).map(l -> l.split(",")).toList();
    }

    @Test
    void theFlatPlanReproducesThePapersFigures() throws Exception {
        CliRun r = CliRun.of("scenario", "run", DIR.resolve("bcp-2024.yaml").toString(), "--format", "csv",
                "--warehouse", warehouse.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().startsWith("financial_year,ehcps,funding_gbp,spend_gbp,in_year_balance_gbp,cumulative_balance_gbp\n"), r.out());
        List<String[]> rows = csv(r.out());
        assertEquals(15, rows.size());
        assertEquals("2024-25", rows.get(0)[0]);
        assertEquals(-28_000_000, Long.parseLong(rows.get(0)[4]));          // para 21-22: £28m above the grant
        assertEquals(-91_000_000, Long.parseLong(rows.get(0)[5]));          // para 27: £91m at 31 March 2025
        assertEquals(Math.round(3949 * 1.35), Long.parseLong(rows.get(4)[1])); // +35% over five years from 3,949
        // Funding = HNB (£62m, +3% a year) + 0.5% of the schools block (£258m, +3%).
        assertEquals(62_000_000 + 1_290_000, Long.parseLong(rows.get(0)[2]));
        assertEquals(Math.round((62_000_000 + 1_290_000) * 1.03), Long.parseLong(rows.get(1)[2]));
        try (Warehouse w = Warehouse.openReadOnly(warehouse); Statement s = w.connection().createStatement();
                ResultSet rs = s.executeQuery("SELECT sha256, seed, forecast_run_id, safety_valve_met, "
                        + "override_end_cumulative_gbp, scenario_text FROM scenario_runs WHERE scenario = 'bcp-2024' ORDER BY run_id DESC")) {
            assertTrue(rs.next());
            String text = Files.readString(DIR.resolve("bcp-2024.yaml"));
            assertEquals(ScenarioFile.sha256(text), rs.getString(1));
            assertEquals(20240522, rs.getLong(2));
            assertEquals(null, rs.getObject(3));
            assertFalse(rs.getBoolean(4));
            assertEquals(Long.parseLong(rows.get(1)[5]), Math.round(rs.getDouble(5)));
            assertEquals(text, rs.getString(6));
        }
    }

    @Test
    void compareShowsTheForecastAndTheMitigationsMovingYearFive() {
        CliRun r = CliRun.of("scenario", "compare", DIR.resolve("bcp-2024.yaml").toString(),
                DIR.resolve("bcp-2024-forecast.yaml").toString(), DIR.resolve("bcp-2024-mitigations.yaml").toString(),
                "--format", "csv", "--warehouse", warehouse.toString());
        assertEquals(0, r.code(), r.err());
        List<String[]> rows = csv(r.out());
        assertEquals(3, rows.size());
        long flat = Long.parseLong(rows.get(0)[7]);
        long mitigated = Long.parseLong(rows.get(2)[7]);
        assertTrue(mitigated > flat, "the mitigations leave a smaller year-5 deficit: " + mitigated + " vs " + flat);
        // Every scenario starts from the same calibrated 2024-25: -£91m at 31 March 2025 whatever the demand.
        try (Warehouse w = Warehouse.openReadOnly(warehouse); Statement s = w.connection().createStatement();
                ResultSet rs = s.executeQuery("SELECT r.scenario, y.cumulative_balance_gbp, r.forecast_run_id FROM scenario_years y "
                        + "JOIN scenario_runs r USING (run_id) WHERE y.financial_year = '2024-25' AND r.command LIKE '%compare%'")) {
            int n = 0;
            while (rs.next()) {
                n++;
                assertEquals(-91_000_000, rs.getDouble(2), 1);
                if (rs.getString(1).equals("bcp-2024-forecast")) assertTrue(rs.getLong(3) > 0, "the forecast run is recorded");
            }
            assertEquals(3, n);
        } catch (java.sql.SQLException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void theMonteCarloRunIsRepeatableAndBracketsTheDeterministicRun() {
        Scenario s = ScenarioFile.read(DIR.resolve("bcp-2024-mitigations.yaml"));
        try (Warehouse w = Warehouse.openReadOnly(warehouse)) {
            ScenarioInputs in = new ScenarioInputsReader(w, false).read(s);
            ScenarioSimulation.Result a = ScenarioSimulation.run(in, 2000, 7);
            ScenarioSimulation.Result b = ScenarioSimulation.run(in, 2000, 7);
            assertEquals(a.p50()[4], b.p50()[4]);
            YearResults det = DeficitModel.run(in, in.knobs().base(), true);
            assertTrue(a.p10()[4] < det.yearFiveBalance() && det.yearFiveBalance() < a.p90()[4]);
            List<Sensitivity.Row> table = Sensitivity.table(in);
            assertTrue(table.get(0).swing() >= table.get(table.size() - 1).swing());
            assertTrue(table.stream().anyMatch(x -> x.assumption().equals("demand growth a year")));
        }
    }

    @Test
    void goalSeekFindsTheSmallestLeverOrSaysNotReachable() {
        Scenario s = ScenarioFile.read(DIR.resolve("bcp-2024-mitigations.yaml"));
        try (Warehouse w = Warehouse.openReadOnly(warehouse)) {
            ScenarioInputs in = new ScenarioInputsReader(w, false).read(s);
            FinancialYear by = FinancialYear.parse("2028-29");
            GoalSeek.Answer a = GoalSeek.seek(in, GoalSeek.Lever.NEW_PLANS_REDUCTION, by, Double.NaN);
            assertTrue(a.reachable());
            int t = 4;
            var at = GoalSeek.run(in, GoalSeek.Lever.NEW_PLANS_REDUCTION, a.from(), a.value(), null);
            var below = GoalSeek.run(in, GoalSeek.Lever.NEW_PLANS_REDUCTION, a.from(), a.value() - 0.01, null);
            assertTrue(at.firstInYearBalance() >= 0 && at.firstInYearBalance() <= t);
            assertTrue(below.firstInYearBalance() < 0 || below.firstInYearBalance() > t);
            assertFalse(GoalSeek.seek(in, GoalSeek.Lever.TRANSFER, by, 0.01).reachable());
        }
    }

    @Test
    void theExportOpensInPoiInTheDsgPlanLayout() throws Exception {
        Path out = tmp.resolve("bcp.xlsx");
        CliRun r = CliRun.of("scenario", "export", DIR.resolve("bcp-2024.yaml").toString(), "--template", "dsg-plan",
                "--out", out.toString(), "--warehouse", warehouse.toString());
        assertEquals(0, r.code(), r.err());
        try (InputStream in = Files.newInputStream(out); XSSFWorkbook wb = new XSSFWorkbook(in)) {
            Sheet cyp = wb.getSheet("CYP summary");
            assertEquals("2024-25", cyp.getRow(3).getCell(2).getStringCellValue());
            assertEquals("2038-39", cyp.getRow(3).getCell(16).getStringCellValue());
            assertEquals("Mainstream schools or academies", cyp.getRow(4).getCell(0).getStringCellValue());
            int last = cyp.getLastRowNum();
            while (cyp.getRow(last) == null || !"Total EHC plans".equals(cyp.getRow(last).getCell(0).getStringCellValue())) last--;
            assertEquals(Math.round(3949 * 1.35), (long) cyp.getRow(last).getCell(6).getNumericCellValue());
            // Rows 4-9: mainstream by the five age groups, then its total; post-16 has no plans under 16.
            assertEquals("Under 5", cyp.getRow(4).getCell(1).getStringCellValue());
            assertEquals("Total", cyp.getRow(9).getCell(1).getStringCellValue());
            double ages = 0;
            for (int i = 4; i < 9; i++) ages += cyp.getRow(i).getCell(2).getNumericCellValue();
            assertEquals(cyp.getRow(9).getCell(2).getNumericCellValue(), ages, 3);
            int post16 = 4 + 6 * PlacementCategory.POST_16.ordinal();
            assertEquals("Post-16 and further education (ages 16-25)", cyp.getRow(post16).getCell(0).getStringCellValue());
            for (int i = 0; i < 3; i++) assertEquals(0, cyp.getRow(post16 + i).getCell(2).getNumericCellValue());
            assertTrue(cyp.getRow(post16 + 3).getCell(2).getNumericCellValue() > 0);
            Sheet fin = wb.getSheet("Financial summary");
            double carried = Double.NaN, inYear = Double.NaN;
            for (int i = 0; i <= fin.getLastRowNum(); i++) {
                var row = fin.getRow(i);
                if (row == null) continue;
                String label = row.getCell(0).getStringCellValue();
                if (label.startsWith("Cumulative DSG balance carried forward")) carried = row.getCell(1).getNumericCellValue();
                if (label.startsWith("In-year balance")) inYear = row.getCell(1).getNumericCellValue();
            }
            assertEquals(-91_000_000, carried);
            assertEquals(-28_000_000, inYear);
            assertTrue(wb.getSheet("Sources").getRow(4).getCell(4).getStringCellValue().length() > 0);
        }
        // Read again as plain OOXML, as LibreOffice or any other reader sees it: three sheets, values
        // only (no formulas to recalculate), the balance written as a number.
        java.util.Map<String, String> parts = new java.util.HashMap<>();
        try (var zip = new java.util.zip.ZipInputStream(Files.newInputStream(out))) {
            for (var e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                parts.put(e.getName(), new String(zip.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
            }
        }
        assertTrue(parts.get("[Content_Types].xml").contains("spreadsheetml.sheet.main+xml"));
        String book = parts.get("xl/workbook.xml");
        assertTrue(book.contains("name=\"CYP summary\"") && book.contains("name=\"Financial summary\"")
                && book.contains("name=\"Sources\""), book);
        for (var e : parts.entrySet()) {
            if (e.getKey().startsWith("xl/worksheets/")) assertFalse(e.getValue().contains("<f>"), e.getKey() + " has a formula");
        }
        assertTrue(parts.get("xl/worksheets/sheet2.xml").contains("<v>-9.1E7</v>") || parts.get("xl/worksheets/sheet2.xml").contains("<v>-91000000</v>"));
        // And through a reader that shares no code with POI (openpyxl, as LibreOffice-style tools read it).
        assertEquals("CYP summary|Financial summary|Sources;-91000000;2024-25", readWithOpenpyxl(out));
    }

    /** The sheet names, the carried-forward balance and the first year heading, as openpyxl reads them. */
    static String readWithOpenpyxl(Path xlsx) throws Exception {
        String script = String.join("\n",
                "import sys, warnings, openpyxl",
                "warnings.simplefilter('ignore')  # it notes that the workbook has no default cell style",
                "wb = openpyxl.load_workbook(sys.argv[1], data_only=True)",
                "fin = wb['Financial summary']",
                "carried = [r[1] for r in fin.iter_rows(values_only=True) if r[0] and str(r[0]).startswith('Cumulative DSG balance carried forward')][0]",
                "print('|'.join(wb.sheetnames) + ';' + str(int(carried)) + ';' + wb['CYP summary'].cell(row=4, column=3).value)");
        // Debian's python3 is the one its python3-openpyxl package serves (another python3 may come first on PATH)
        String python = Files.isExecutable(Path.of("/usr/bin/python3")) ? "/usr/bin/python3" : "python3";
        Process p = new ProcessBuilder(python, "-c", script, xlsx.toString()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).strip();
        if (p.waitFor() != 0 && out.contains("No module named 'openpyxl'")) {
            String why = "python3-openpyxl is not installed (./sendscope test installs it)";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) org.junit.jupiter.api.Assertions.fail(why);
            org.junit.jupiter.api.Assumptions.assumeTrue(false, why);
        }
        return out;
    }

    @Test
    void sen2PlacementsMapToTheSevenDsgCategories() {
        Scenario s = ScenarioFile.read(DIR.resolve("bcp-2024.yaml"));
        try (Warehouse w = Warehouse.openReadOnly(warehouse)) {
            var mix = new ScenarioInputsReader(w, false).read(s).mix();
            // SEN2 January 2023, BCP (caseload.csv): the groups sum to its 3,266 plans (mainstream 1,104,
            // special 1,266, AP 14, FE 460, educated elsewhere 252 with its NEET 46 inside, early years 15,
            // other 0, unknown 155; docs/decisions/0216); independent 190 + non-maintained 190; resourced
            // provision 31 + SEN units 25.
            assertEquals(380 / 3266.0, mix.get(PlacementCategory.INDEPENDENT_SPECIAL), 1e-12);
            assertEquals(56 / 3266.0, mix.get(PlacementCategory.RESOURCED_PROVISION), 1e-12);
            assertEquals((1104 - 56) / 3266.0, mix.get(PlacementCategory.MAINSTREAM), 1e-12);
            assertEquals((1266 - 380) / 3266.0, mix.get(PlacementCategory.MAINTAINED_SPECIAL), 1e-12);
            assertEquals(460 / 3266.0, mix.get(PlacementCategory.POST_16), 1e-12);
            assertEquals((252 + 15 + 155) / 3266.0, mix.get(PlacementCategory.OTHER), 1e-12);
        }
    }

    @Test
    void aStoredForecastRunGivesTheSameDemandAsTheModelThatMadeIt() throws Exception {
        CliRun fitted = CliRun.of("scenario", "run", DIR.resolve("bcp-2024-forecast.yaml").toString(), "--format", "csv",
                "--warehouse", warehouse.toString());
        assertEquals(0, fitted.code(), fitted.err());
        Path fromRun = tmp.resolve("from-run.yaml");
        Files.writeString(fromRun, Files.readString(DIR.resolve("bcp-2024-forecast.yaml")).replace(
                "  from: model                         # fitted at January 2023 on SEN2 only; stored as a forecast run\n"
                        + "  model: auto                         # the model with the smallest past error at each horizon (backtest)\n",
                "  from: forecast_run\n  run: latest\n"));
        CliRun stored = CliRun.of("scenario", "run", fromRun.toString(), "--format", "csv", "--warehouse", warehouse.toString());
        assertEquals(0, stored.code(), stored.err());
        assertEquals(fitted.out(), stored.out());
        try (Warehouse w = Warehouse.openReadOnly(warehouse); Statement st = w.connection().createStatement();
                ResultSet rs = st.executeQuery("SELECT forecast_run_id, demand_source FROM scenario_runs ORDER BY run_id DESC LIMIT 2")) {
            rs.next();
            long used = rs.getLong(1);
            assertEquals("forecast run " + used, rs.getString(2));
            rs.next();
            assertEquals(used, rs.getLong(1), "the stored run is the one the model scenario wrote");
        }
    }

    @Test
    void goalSeekOnTheCommandLine() {
        CliRun r = CliRun.of("scenario", "goal-seek", DIR.resolve("bcp-2024-mitigations.yaml").toString(), "--lever",
                "transfer", "--balance-by", "2028-29", "--format", "csv", "--warehouse", warehouse.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains(",transfer,") && r.out().contains("not reachable within the lever's range"), r.out());
        r = CliRun.of("scenario", "goal-seek", DIR.resolve("bcp-2024-mitigations.yaml").toString(), "--lever", "magic",
                "--balance-by", "2028-29", "--warehouse", warehouse.toString());
        assertEquals(1, r.code());
        assertTrue(r.err().contains("unknown lever 'magic'; levers: mainstream_shift, local_places, new_plans_reduction, "
                + "cease_rate, transfer"), r.err());
        r = CliRun.of("scenario", "goal-seek", DIR.resolve("bcp-2024-mitigations.yaml").toString(), "--lever",
                "cease_rate", "--balance-by", "2045-46", "--warehouse", warehouse.toString());
        assertEquals(1, r.code());
        assertTrue(r.err().contains("--balance-by 2045-46 is outside the scenario's years 2024-25 to 2038-39"), r.err());
    }

    @Test
    void aScenarioWithoutSourcesIsRefusedNamingLineAndKey() throws Exception {
        Path bad = tmp.resolve("bad.yaml");
        Files.writeString(bad, Files.readString(DIR.resolve("bcp-2024.yaml")).replace("  growth:\n    value: 35%", "  growth:\n    valu: 35%"));
        CliRun r = CliRun.of("scenario", "run", bad.toString(), "--warehouse", warehouse.toString());
        assertEquals(1, r.code());
        assertTrue(r.err().contains("bad.yaml line 48"), r.err());
        assertTrue(r.err().contains("key demand.growth.valu: unknown key 'valu'"), r.err());
    }
}
