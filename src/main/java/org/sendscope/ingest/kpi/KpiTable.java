package org.sendscope.ingest.kpi;

import java.util.List;

/**
 * A scorecard table as found in a paper or a spreadsheet: its header, its rows of cells (each with
 * the line or row number it came from) and a caption for reports (the heading above it).
 */
public record KpiTable(String caption, long headerLine, KpiHeader header, List<Row> rows) {

    /** One row of cells as extracted, with its line number in the file. */
    public record Row(long line, List<String> cells) {
        public String cell(int i) {
            return i >= 0 && i < cells.size() ? cells.get(i) : "";
        }
    }

    /** A short name for reports: the caption and where the table starts. */
    public String name() {
        return "line " + headerLine + (caption == null || caption.isBlank() ? "" : " (" + caption + ")");
    }
}
