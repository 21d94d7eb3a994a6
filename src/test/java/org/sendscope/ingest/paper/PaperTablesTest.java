package org.sendscope.ingest.paper;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.sendscope.ingest.kpi.KpiColumn;
import org.sendscope.ingest.kpi.KpiTable;

/**
 * Where a paper's KPI table ends: it goes on across a blank line or a page break (form feed,
 * page number, running head) when the rows after it have the table's shape, and stops at prose,
 * a new header, or rows of another shape. Each text is a few hand-written lines.
 */
class PaperTablesTest {
    static final String HEADER = "KPI\tApr-24\tMay-24\tTarget";

    static String text(String... lines) {
        return String.join("\n", lines) + "\n";
    }

    /** The line numbers of the rows of each table found. */
    static List<List<Long>> rowLines(String text) {
        return PaperTables.find(text).stream().map(t -> t.rows().stream().map(KpiTable.Row::line).toList()).toList();
    }

    @Test
    void aTableGoesOnAfterABlankLine() {
        assertEquals(List.of(List.of(2L, 4L)), rowLines(text(HEADER, "AR backlog\t512\t498\t0", "", "EP timeliness\t58%\t61%\t90%")));
    }

    @Test
    void aTableGoesOnAcrossAPageNumberAndARunningHead() {
        String head = "Westmarch Borough Council - Scrutiny Committee";
        assertEquals(List.of(List.of(3L, 9L)), rowLines(text(head, HEADER, "AR backlog\t512\t498\t0", "", "Page 4 of 9",
                head, "", "", "EP timeliness\t58%\t61%\t90%")));
        assertEquals(List.of(List.of(2L, 5L)), rowLines(text(HEADER, "AR backlog\t512\t498\t0", "", "- 4 -",
                "EP timeliness\t58%\t61%\t90%")));
    }

    @Test
    void aTableGoesOnAfterACaptionSayingItIsContinued() {
        assertEquals(List.of(List.of(2L, 5L)), rowLines(text(HEADER, "AR backlog\t512\t498\t0", "",
                "Table 1: SEND performance (continued)", "EP timeliness\t58%\t61%\t90%")));
        assertEquals(List.of(List.of(2L, 5L)), rowLines(text(HEADER, "AR backlog\t512\t498\t0", "",
                "KPIs cont\u2019d", "EP timeliness\t58%\t61%\t90%")));
    }

    @Test
    void aFormFeedIsAPageBreak() {
        assertEquals(List.of(List.of(2L, 4L)), rowLines(text(HEADER, "AR backlog\t512\t498\t0", "12",
                "\fEP timeliness\t58%\t61%\t90%")));
        assertEquals(List.of(List.of(2L, 4L)), rowLines(text(HEADER, "AR backlog\t512\t498\t0", "\f",
                "EP timeliness\t58%\t61%\t90%")));
    }

    @Test
    void aHeaderAtTheFootOfAPageHasItsRowsOnTheNext() {
        assertEquals(List.of(List.of(5L, 6L)), rowLines(text(HEADER, "", "Page 6", "", "AR backlog\t512\t498\t0",
                "EP timeliness\t58%\t61%\t90%")));
    }

    @Test
    void rowsWithoutTheirTrailingEmptyCellsKeepTheTablesShape() {
        assertEquals(List.of(List.of(2L, 4L, 5L)), rowLines(text(HEADER, "AR backlog\t512\t498\t0", "",
                "EP timeliness\t58%", "Health timeliness\t91%\t90%\t90%")));
    }

    @Test
    void aSpacerRowAndASectionHeadingDoNotEndTheTable() {
        // a row of empty cells is a blank line; a heading row has no values but the table's shape
        assertEquals(List.of(List.of(2L, 4L, 5L)), rowLines(text(HEADER, "AR backlog\t512\t498\t0", "\t\t\t",
                "Advice\t\t\t", "EP timeliness\t58%\t61%\t90%")));
    }

    @Test
    void proseEndsTheTable() {
        assertEquals(List.of(List.of(2L)), rowLines(text(HEADER, "AR backlog\t512\t498\t0", "",
                "The backlog is falling but remains the largest risk.", "", "EP timeliness\t58%\t61%\t90%")));
    }

    @Test
    void rowsOfAnotherShapeEndTheTable() {
        // fewer cells
        assertEquals(List.of(List.of(2L)), rowLines(text(HEADER, "AR backlog\t512\t498\t0", "", "1\tPublish the plan\tHead of SEND")));
        // as many cells, but words where the values go: an action table
        assertEquals(List.of(List.of(2L)), rowLines(text(HEADER, "AR backlog\t512\t498\t0", "",
                "Publish the plan\tHead of SEND\tDecember\t31/12/24")));
        // values but no label
        assertEquals(List.of(List.of(2L)), rowLines(text(HEADER, "AR backlog\t512\t498\t0", "", "\t1\t2\t3")));
    }

    @Test
    void aNewHeaderStartsANewTable() {
        assertEquals(List.of(List.of(2L), List.of(5L)), rowLines(text(HEADER, "AR backlog\t512\t498\t0", "",
                "KPI\tJun-24\tJul-24\tTarget", "EP timeliness\t58%\t61%\t90%")));
    }

    @Test
    void aLongGapIsNoPageBreak() {
        String[] lines = new String[12];
        lines[0] = HEADER;
        lines[1] = "AR backlog\t512\t498\t0";
        for (int i = 2; i < 11; i++) lines[i] = "";
        lines[11] = "EP timeliness\t58%\t61%\t90%";
        assertEquals(List.of(List.of(2L)), rowLines(text(lines)));
    }

    @Test
    void aNotesColumnIsNeverReadAndMayHaveALongHeader() {
        List<KpiTable> tables = PaperTables.find(text(
                "KPI\tApr-24\tMay-24\tTarget\tNotes and comparative data (England, region and statistical neighbours, 2023)",
                "AR backlog\t512\t498\t0\tDown from 640 in March"));
        assertEquals(1, tables.size());
        assertEquals(KpiColumn.Role.NOTES, tables.get(0).header().columns().get(4).role());
        // a notes header that names a benchmark or a period is still notes
        for (String notes : List.of("Comments (England 2023)", "Commentary - Mar 24", "Notes on target")) {
            KpiTable t = PaperTables.find(text("KPI\tApr-24\tMay-24\t" + notes, "AR backlog\t512\t498\tfalling")).get(0);
            assertEquals(KpiColumn.Role.NOTES, t.header().columns().get(3).role(), notes);
        }
    }
}
