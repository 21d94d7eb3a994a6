package org.sendscope.ingest.finance;

import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.sendscope.ingest.LoadException;
import org.sendscope.ingest.LoadResult;
import org.sendscope.ingest.LoadRun;
import org.sendscope.ingest.SourceFile;
import org.sendscope.ingest.areas.AreaCodes;
import org.sendscope.ingest.sheets.SheetCells;
import org.sendscope.ingest.sheets.Workbook;
import org.sendscope.ingest.sheets.Worksheet;
import org.sendscope.warehouse.Warehouse;

/**
 * Loads a DfE Dedicated Schools Grant workbook: either the DSG cumulative balance as % of total
 * income ({@code dsg_deficit_derived.xlsx}, measure {@code dsg_cumulative_balance_pct_income}) or
 * the total DSG allocations, one sheet per year ({@code DSG_by_year_dr.xlsx}, measure
 * {@code dsg_allocation}). The layout is told from the header row; every non-empty sheet must be
 * one of the two, and every value cell a number or a known marker, or the file is refused naming
 * file, sheet, row, column and raw text. Periods are financial years (1 April – 31 March).
 */
public final class DsgLoader implements org.sendscope.ingest.Loader {
    /** The loader's name in load_log and the observations' source. */
    public static final String SOURCE = DsgMeasures.SOURCE;

    private final String vintage;

    /**
     * @param vintage the release to record, or null for the year the file's latest financial year ends
     */
    public DsgLoader(String vintage) {
        this.vintage = vintage;
    }

    /** The two layouts, each told by the column its header row names for the values. */
    private enum Layout {
        BALANCE(DsgBalanceSheet.VALUE_COLUMN),
        ALLOCATION(DsgAllocationSheet.VALUE_COLUMN);

        final String valueColumn;

        Layout(String valueColumn) {
            this.valueColumn = valueColumn;
        }

        /** The layout whose value column the sheet's first row names, or null. */
        static Layout of(SheetCells cells) {
            for (Layout l : values()) if (cells.firstRowHas(l.valueColumn)) return l;
            return null;
        }
    }

    /** Loads one workbook in one transaction. */
    @Override
    public LoadResult load(Warehouse warehouse, Path xlsx, boolean replace) {
        SourceFile file = SourceFile.of(xlsx);
        try {
            AreaCodes areas = AreaCodes.of(warehouse.connection());
            List<DsgObservation> rows = new ArrayList<>();
            Set<String> unknown = new TreeSet<>();
            Layout layout = read(xlsx, areas, rows, unknown);
            areas.refuseUnknown(file.name(), "la_code / la_name", unknown);
            if (rows.isEmpty()) throw new LoadException(file.name(), "no DSG values in the file");
            String v = vintage != null ? vintage : Integer.toString(rows.stream()
                    .mapToInt(o -> o.period().end().getYear()).max().orElseThrow());
            String kind = layout == Layout.BALANCE ? "balance" : "allocation";
            return LoadRun.run(warehouse, SOURCE, SOURCE + "|" + kind + "|" + v, file, v, replace, run -> {
                if (layout == Layout.BALANCE) {
                    DsgMeasures.describeBalance(run.connection(), run.loadId());
                    return DsgWriter.write(run, DsgMeasures.BALANCE_PCT, rows);
                }
                DsgMeasures.describeAllocation(run.connection(), run.loadId());
                return DsgWriter.write(run, DsgMeasures.ALLOCATION, rows);
            });
        } catch (SQLException e) {
            throw new LoadException(file.name(), "warehouse error: " + e.getMessage(), e);
        }
    }

    private static Layout read(Path xlsx, AreaCodes areas, List<DsgObservation> rows, Set<String> unknown) {
        Layout layout = null;
        for (Worksheet sheet : Workbook.read(xlsx).sheets()) {
            if (sheet.isEmpty()) continue;
            SheetCells cells = new SheetCells(xlsx.toString(), sheet);
            Layout here = Layout.of(cells);
            if (here == Layout.BALANCE) {
                rows.addAll(DsgBalanceSheet.read(cells, areas, unknown));
            } else if (here == Layout.ALLOCATION) {
                rows.addAll(DsgAllocationSheet.read(cells, areas, unknown));
            } else {
                throw new LoadException(xlsx.toString(), (long) sheet.firstRow() + 1, sheet.name(), null,
                        "sheet '" + sheet.name() + "' is not a DSG sheet: its header row has neither '" + DsgBalanceSheet.VALUE_COLUMN + "' nor '"
                                + DsgAllocationSheet.VALUE_COLUMN + "'");
            }
            if (layout != null && layout != here) {
                throw new LoadException(xlsx.toString(), "mixes DSG balance and allocation sheets; load them as two files");
            }
            layout = here;
        }
        if (layout == null) throw new LoadException(xlsx.toString(), "has no sheet with DSG values");
        return layout;
    }
}
