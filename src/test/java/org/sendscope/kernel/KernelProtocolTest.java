package org.sendscope.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sendscope.warehouse.Warehouse;

/**
 * The kernel driven through {@code jupyter_client}, the library Jupyter and nbconvert use
 * ({@code src/test/resources/kernel/drive.py}): a runaway query stops on Interrupt with the
 * kernel's variables kept, printed output arrives while the cell runs, the jupysql magics work,
 * and a kernel whose Jupyter is killed exits. Times are printed for the record, and asserted only
 * where the protocol promises a bound (5 s to stop).
 */
class KernelProtocolTest {
    @TempDir
    static Path dir;
    static Path warehouse;

    @BeforeAll
    static void smallWarehouse() throws Exception {
        Jupyter.require();
        warehouse = dir.resolve("w.duckdb");
        // Hand-written rows (invented numbers): two areas, three Januaries.
        try (Warehouse w = Warehouse.open(warehouse)) {
            w.execute("INSERT INTO load_log VALUES (1, 'test', 'test|1', 'hand-written', 'x', '1', now(), now(), 6, 0, 'loaded', NULL)");
            w.execute("INSERT INTO observation_fact VALUES "
                    + row("E06000058", "BCP", 2021, 2100) + "," + row("E06000058", "BCP", 2022, 2448) + ","
                    + row("E06000058", "BCP", 2023, 3266) + "," + row("E06000010", "Hull", 2021, 1500) + ","
                    + row("E06000010", "Hull", 2022, 1600) + "," + row("E06000010", "Hull", 2023, 1700));
        }
        new NotebookRunner(KernelSpec.projectHome(), dir.resolve("out"), warehouse).installKernel();
    }

    private static String row(String code, String name, int year, int value) {
        return "('" + code + "', '" + name + "', 'local_authority', 'ehc_plans', 'total', 'census_january', '" + year
                + "', DATE '" + year + "-01-01', DATE '" + year + "-01-31', " + value + ", 'reported', 'test', '1', 1)";
    }

    private static JsonObject step(String code) {
        JsonObject s = new JsonObject();
        s.addProperty("code", code);
        return s;
    }

    private static JsonObject interrupted(String code, double after) {
        JsonObject s = step(code);
        s.addProperty("interrupt_after", after);
        s.addProperty("timeout", 60);
        return s;
    }

    /** Runs the steps in one kernel and returns drive.py's report. */
    private static JsonObject drive(JsonObject... steps) throws Exception {
        JsonArray a = new JsonArray();
        for (JsonObject s : steps) a.add(s);
        Path file = Files.createTempFile(dir, "steps", ".json");
        Files.writeString(file, a.toString());
        ProcessBuilder pb = new ProcessBuilder(NotebookRunner.jupyterPython(), script().toString(), file.toString())
                .redirectError(dir.resolve("drive.log").toFile());
        runner().environment(pb.environment());
        Process p = pb.start();
        String json = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertEquals(0, p.waitFor(), () -> json + log());
        return JsonParser.parseString(json).getAsJsonObject();
    }

    private static NotebookRunner runner() {
        return new NotebookRunner(KernelSpec.projectHome(), dir.resolve("out"), warehouse);
    }

    private static Path script() {
        return Path.of("src", "test", "resources", "kernel", "drive.py").toAbsolutePath();
    }

    private static String log() {
        try {
            return "\n" + Files.readString(dir.resolve("drive.log"));
        } catch (Exception e) {
            return "";
        }
    }

    private static List<JsonObject> outputs(JsonObject step, String type) {
        List<JsonObject> l = new ArrayList<>();
        for (JsonElement e : step.getAsJsonArray("out")) {
            if (e.getAsJsonObject().get("type").getAsString().equals(type)) l.add(e.getAsJsonObject());
        }
        return l;
    }

    private static String result(JsonObject step) {
        List<JsonObject> r = outputs(step, "execute_result");
        return r.isEmpty() ? "(no result: " + step + ")" : r.get(r.size() - 1).get("text").getAsString();
    }

    // A cross join DuckDB cannot shortcut: about 10^14 products, hours of work.
    private static final String RUNAWAY = "SELECT sum(a.range * b.range) AS s FROM range(100000000) a, range(1000000) b";

    @Test
    void anInterruptedRunawayQueryStopsWithinFiveSecondsAndTheVariablesAreKept() throws Exception {
        JsonObject r = drive(
                step("int kept = 41;"),
                interrupted("%%sql\n" + RUNAWAY, 2.0),
                step("kept + 1"),
                interrupted("var t = Sendscope.open().sql(\"" + RUNAWAY + "\");", 2.0),
                step("kept + 1"));
        JsonArray steps = r.getAsJsonArray("steps");
        for (int i : new int[] {1, 3}) {
            JsonObject stopped = steps.get(i).getAsJsonObject();
            assertEquals("error", stopped.get("status").getAsString(), stopped.toString());
            double latency = stopped.get("time").getAsDouble() - stopped.get("interrupted").getAsDouble();
            System.out.printf("interrupt to idle (%s): %.2f s%n", i == 1 ? "%%sql" : "Java call", latency);
            assertTrue(latency < 5.0, "stopped " + latency + " s after the interrupt: " + stopped);
            assertEquals("42", result(steps.get(i + 1).getAsJsonObject()), "the kernel's variables are kept");
        }
    }

    @Test
    void printedOutputArrivesWhileTheCellRuns() throws Exception {
        JsonObject r = drive(step("for (int i = 1; i <= 5; i++) { System.out.println(\"tick \" + i); Thread.sleep(1000); }"));
        JsonObject cell = r.getAsJsonArray("steps").get(0).getAsJsonObject();
        List<JsonObject> streams = outputs(cell, "stream");
        StringBuilder text = new StringBuilder();
        for (JsonObject s : streams) text.append(s.get("text").getAsString());
        assertEquals("tick 1\ntick 2\ntick 3\ntick 4\ntick 5\n", text.toString());
        double first = streams.get(0).get("t").getAsDouble();
        double end = cell.get("time").getAsDouble();
        System.out.printf("first printed line after %.2f s of a %.2f s cell, in %d messages%n", first, end, streams.size());
        assertTrue(end >= 4.9, "the cell sleeps 5 s: " + end);
        assertTrue(first < end - 3, "the first line (printed at once) arrived " + first + " s into a " + end + " s cell");
        assertTrue(streams.size() >= 4, "one message per second or so, not one at the end: " + streams.size());
    }

    @Test
    void jupysqlsHabitsWork() throws Exception {
        JsonObject r = drive(
                step("%sql SELECT count(*) AS n FROM observations"),
                step("String area = \"E06000058\";\nint since = 2022;"),
                step("%%sql --save plans\nSELECT year(period_start) AS january, value FROM observations "
                        + "WHERE area_code = :area AND year(period_start) >= {{since}} ORDER BY 1"),
                step("%%sql --with plans --out growth\nSELECT max(value) - min(value) AS growth FROM plans"),
                step("growth.rowCount() + \" row, growth \" + growth.doubleColumn(\"growth\").get(0)"),
                step("var hull = %sql SELECT value FROM observations WHERE area_name = :name ORDER BY value DESC"),
                step("String name = \"Hull' OR 1=1 --\";\nvar none = %sql SELECT value FROM observations WHERE area_name = :name\nnone.rowCount()"),
                step("%sql SELECT count(*) AS n FROM observations WHERE area_code IN (:both)"),
                step("%config SqlMagic.thousands = True"),
                step("%sql SELECT value FROM observations WHERE area_code = :area ORDER BY value"),
                step("%lsmagic"),
                step("%%time\nThread.sleep(300);\n1 + 1"),
                step("%%sql\nDELETE FROM observation_fact"),
                step("var p = %sql SELECT period_start, value, area_name FROM observations ORDER BY 1\n"
                        + "Chart.overTime(p, \"period_start\", \"value\", \"area_name\").title(\"EHC plans\")"));
        JsonArray s = r.getAsJsonArray("steps");
        assertTrue(result(s.get(0).getAsJsonObject()).startsWith("n\n6"), result(s.get(0).getAsJsonObject()));
        // BCP's 2022 and 2023 values: 2,448 and 3,266 (the :area and {{since}} parameters).
        String plans = result(s.get(2).getAsJsonObject());
        assertTrue(plans.contains("2022     2448") && plans.contains("2023     3266") && plans.contains("2 rows"), plans);
        assertEquals("1 row, growth 818.0", result(s.get(4).getAsJsonObject()), "--with plans, 3266 - 2448");
        String unbound = outputs(s.get(5).getAsJsonObject(), "error").toString();
        assertTrue(unbound.contains(":name names no Java variable"), unbound);
        assertEquals("0", result(s.get(6).getAsJsonObject()), "a quote in a parameter is a value, not SQL");
        String both = outputs(s.get(7).getAsJsonObject(), "error").toString();
        assertTrue(both.contains(":both names no Java variable"), both);
        String separated = result(s.get(9).getAsJsonObject());
        assertTrue(separated.contains("2,448") && separated.contains("3,266"), separated);
        assertTrue(result(s.get(10).getAsJsonObject()).contains("%%sql"), "lsmagic lists the SQL magic");
        JsonObject timed = s.get(11).getAsJsonObject();
        assertEquals("2", result(timed));
        assertTrue(outputs(timed, "stream").toString().contains("Wall time: "), timed.toString());
        String refused = outputs(s.get(12).getAsJsonObject(), "error").toString();
        assertTrue(refused.contains("refused: the SQL console is read-only"), refused);
        JsonObject chart = outputs(s.get(13).getAsJsonObject(), "execute_result").toString().isEmpty() ? null
                : outputs(s.get(13).getAsJsonObject(), "execute_result").get(0);
        assertTrue(chart != null && chart.toString().contains("image/png"), s.get(13).toString());
        // The series are named by the areas view (one name per area, docs/decisions/0167): BCP by its
        // name there; Hull, which the fixture's areas do not name, as its rows spell it.
        assertEquals("EHC plans: line chart over time of value by period_start for Bournemouth, Christchurch and Poole, Hull",
                chart.getAsJsonObject("metadata").getAsJsonObject("image/png").get("alt").getAsString());
        assertTrue(chart.get("html").getAsString().contains(
                "alt=\"EHC plans: line chart over time of value by period_start for Bournemouth, Christchurch and Poole, Hull\""),
                "alt text in the HTML export");
    }

    @Test
    void aKernelWhoseJupyterIsKilledExitsAndLeavesTheWarehouseFree() throws Exception {
        ProcessBuilder pb = new ProcessBuilder(NotebookRunner.jupyterPython(), script().toString(), "--hold",
                "Sendscope.open().sql(\"SELECT count(*) FROM observations\")")
                .redirectError(dir.resolve("drive.log").toFile());
        runner().environment(pb.environment());
        Process jupyter = pb.start();
        long pid;
        try (BufferedReader in = new BufferedReader(new InputStreamReader(jupyter.getInputStream(), StandardCharsets.UTF_8))) {
            String line = in.readLine();
            assertTrue(line != null, log());
            JsonObject o = JsonParser.parseString(line).getAsJsonObject();
            assertEquals("ok", o.get("status").getAsString(), line);
            pid = o.get("kernel_pid").getAsLong();
            Optional<ProcessHandle> kernel = ProcessHandle.of(pid);
            assertTrue(kernel.isPresent() && kernel.get().isAlive(), "the kernel runs");
            jupyter.destroyForcibly().waitFor();
            long t0 = System.nanoTime();
            while (ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false) && System.nanoTime() - t0 < 15e9) {
                Thread.sleep(100);
            }
            System.out.printf("kernel gone %.2f s after its Jupyter was killed%n", (System.nanoTime() - t0) / 1e9);
        }
        assertFalse(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false), "no kernel process left");
        // Nothing holds the file: a writer opens it and changes it.
        try (Warehouse w = Warehouse.open(warehouse)) {
            assertEquals(6, w.count("SELECT count(*) FROM observation_fact"));
        }
    }
}
