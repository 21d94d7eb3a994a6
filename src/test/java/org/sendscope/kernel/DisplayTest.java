package org.sendscope.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sendscope.warehouse.Warehouse;
import org.sendscope.warehouse.WarehouseException;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/** Tables as HTML, charts as PNG, and the notebook facade on a small hand-written warehouse. */
class DisplayTest {

    @Test
    void aLongTableShowsHeadAndTailAndSaysHowManyRows() {
        Table t = Table.create("t", IntColumn.create("n", IntStream.rangeClosed(1, 100).toArray()),
                DoubleColumn.create("half", IntStream.rangeClosed(1, 100).mapToDouble(i -> i / 2.0).toArray()));
        String html = TableHtml.render(t);
        assertTrue(html.contains("100 rows × 2 columns (first 10 and last 5 shown)"), html);
        assertTrue(html.contains(">10</td>") && html.contains(">96</td>") && html.contains(">100</td>"), html);
        assertFalse(html.contains(">45</td>"), "a middle row is left out");
        assertTrue(html.contains("<td>…</td>"));
        assertTrue(html.contains(">0.5</td>") && html.contains(">1</td>"), "whole doubles without .0");
        Table small = Table.create("s", StringColumn.create("name", "<b>&"));
        assertTrue(TableHtml.render(small).contains("&lt;b&gt;&amp;"), "text is escaped");
        assertTrue(TableHtml.text(small).endsWith("1 row × 1 column"));
    }

    @Test
    void theDisplayLimitAndThousandsAreSettingsAndASchemaIsShownWhole(@TempDir Path dir) {
        Table t = Table.create("t", IntColumn.create("year", IntStream.rangeClosed(1990, 2025).toArray()),
                DoubleColumn.create("plans", IntStream.rangeClosed(1990, 2025).mapToDouble(i -> i * 10.0).toArray()));
        try {
            assertTrue(TableHtml.render(t).contains("36 rows × 2 columns (first 10 and last 5 shown)"), "the default, 30");
            TableHtml.displayLimit(40);
            assertTrue(TableHtml.render(t).contains("36 rows × 2 columns</caption>"), "all 36 rows under a limit of 40");
            TableHtml.displayLimit(0);
            assertFalse(TableHtml.render(Table.create("l", IntColumn.create("n", IntStream.range(0, 500).toArray()))).contains("shown"));
            TableHtml.thousands(true);
            String html = TableHtml.render(t);
            assertTrue(html.contains(">19,900</td>") && html.contains(">20,250</td>"), "plans with separators");
            assertTrue(html.contains(">2025</td>") && !html.contains(">2,025</td>"), "a year stays a year");
        } finally {
            TableHtml.displayLimit(TableHtml.SHOW_ALL_UP_TO);
            TableHtml.thousands(false);
        }
        // DESCRIBE of a 36-column view lists 36 rows: every one shown at the default limit of 30.
        Path file = dir.resolve("w.duckdb");
        try (Warehouse w = Warehouse.open(file)) {
            w.execute("INSERT INTO load_log VALUES (1, 'test', 'test|1', 'hand-written', 'x', '1', now(), now(), 0, 0, 'loaded', NULL)");
        }
        try {
            StringBuilder cols = new StringBuilder("SELECT 1 AS c1");
            for (int i = 2; i <= 36; i++) cols.append(", ").append(i).append(" AS c").append(i);
            Table schema = Sendscope.open(file).sql("DESCRIBE " + cols);
            assertEquals(36, schema.rowCount());
            String html = TableHtml.render(schema);
            assertTrue(html.contains("36 rows × ") && !html.contains("shown)"), html.substring(html.indexOf("<caption")));
            assertTrue(html.contains(">c20</td>"), "a middle column is listed");
        } finally {
            Sendscope.closeAll();
        }
    }

    @Test
    void chartsArePngs() {
        Table t = Table.create("t", StringColumn.create("area", "BCP", "BCP", "England", "England"),
                IntColumn.create("january", 2022, 2023, 2022, 2023), DoubleColumn.create("index", 100, 107, 100, 110));
        byte[] png = Chart.line(t, "january", "index", "area").title("index").png();
        assertEquals((byte) 0x89, png[0]);
        assertEquals('P', png[1]);
        assertTrue(png.length > 5_000, "a drawn chart, not an empty image");
        assertTrue(RichDisplay.of(Chart.bar(t, "january", "index", "area")).hasDataForType(
                org.dflib.jjava.jupyter.kernel.display.mime.MIMEType.IMAGE_PNG));
        assertThrows(IllegalArgumentException.class, () -> Chart.line(t, "january", "area"));
    }

    @Test
    void theFacadeQueriesReadOnlyAndSaysWhenThereIsNoData(@TempDir Path dir) {
        Path file = dir.resolve("w.duckdb");
        Warehouse.open(file).close();
        NoDataException empty = assertThrows(NoDataException.class, () -> Sendscope.open(file));
        assertTrue(empty.getMessage().startsWith("no data loaded in "), empty.getMessage());

        // Hand-written rows (invented numbers), enough for the facade.
        try (Warehouse w = Warehouse.open(file)) {
            w.execute("INSERT INTO load_log VALUES (1, 'test', 'test|1', 'hand-written', 'x', '1', now(), now(), 2, 0, 'loaded', NULL)");
            w.execute("INSERT INTO observation_fact VALUES "
                    + "('E06000058', 'BCP', 'local_authority', 'ehc_plans', 'total', 'census_january', '2022', DATE '2022-01-01', DATE '2022-01-31', 100, 'reported', 'test', '1', 1),"
                    + "('E06000058', 'BCP', 'local_authority', 'ehc_plans', 'total', 'census_january', '2023', DATE '2023-01-01', DATE '2023-01-31', NULL, 'c', 'test', '1', 1)");
        }
        Sendscope s = Sendscope.open(file);
        assertTrue(s == Sendscope.open(file.toString()), "one connection per warehouse");
        Table t = s.sql("SELECT period_start, value, status, sum(value) OVER () AS total, count(*) OVER () AS n "
                + "FROM observations ORDER BY period_start");
        assertEquals(2, t.rowCount());
        assertEquals(java.time.LocalDate.of(2022, 1, 1), t.dateColumn("period_start").get(0));
        assertTrue(t.doubleColumn("value").isMissing(1), "a suppressed value is missing, not zero");
        assertEquals("c", t.stringColumn("status").get(1));
        assertEquals(2L, t.longColumn("n").get(0));
        assertThrows(NoDataException.class, () -> s.require("ehc_requests"));
        s.require("ehc_plans");
        WarehouseException refused = assertThrows(WarehouseException.class, () -> s.sql("DELETE FROM observation_fact"));
        assertTrue(refused.getMessage().startsWith("refused:"));
    }

    @Test
    void theSqlMagicReadsItsOptions() {
        assertTrue(SqlMagic.isSqlCell("%%sql\nSELECT 1"));
        assertTrue(SqlMagic.isSqlCell("\n%%sql --out t\nSELECT 1"));
        assertFalse(SqlMagic.isSqlCell("String s = \"%%sql\";"));
        assertEquals(null, SqlMagic.outName(""));
        assertEquals("t", SqlMagic.outName("--out t"));
        assertEquals("t", SqlMagic.outName("--out=t"));
        assertThrows(CellError.class, () -> SqlMagic.outName("--bogus"));
    }
}
