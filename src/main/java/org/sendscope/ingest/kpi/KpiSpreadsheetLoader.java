package org.sendscope.ingest.kpi;

import org.sendscope.ingest.SourceFile;
import org.sendscope.warehouse.Warehouse;

/**
 * {@code sendscope load kpis}: an analyst's scorecard spreadsheet (wide or long layout) for one
 * LA. The vintage is the date the figures were published or extracted ({@code --published}).
 */
public final class KpiSpreadsheetLoader {
    /** The loader's name in load_log. */
    public static final String SOURCE = "kpis";

    private KpiSpreadsheetLoader() {
    }

    public static KpiLoadReport load(Warehouse warehouse, SourceFile file, String areaCode, String vintage) {
        return load(warehouse, file, areaCode, null, vintage);
    }

    /** Loads a scorecard for an area the warehouse has no name for (null: take it from {@code areas}). */
    public static KpiLoadReport load(Warehouse warehouse, SourceFile file, String areaCode, String areaName, String vintage) {
        return new KpiLoader(warehouse, KpiCatalogue.bundled()).load(SOURCE, file, areaCode, areaName, vintage,
                KpiSpreadsheet.READING);
    }

    /** Loads a scorecard, allowed (when {@code replace}) to supersede its earlier load though that loses data. */
    public static KpiLoadReport load(Warehouse warehouse, SourceFile file, String areaCode, String vintage, boolean replace) {
        return new KpiLoader(warehouse, KpiCatalogue.bundled()).load(SOURCE, file, areaCode, null, vintage, replace,
                KpiSpreadsheet.READING);
    }

    /** This loader as a {@link org.sendscope.ingest.Loader} for one LA's scorecards of one vintage. */
    public static org.sendscope.ingest.Loader forArea(String areaCode, String vintage) {
        return (warehouse, file, replace) -> load(warehouse, SourceFile.of(file), areaCode, vintage, replace).result();
    }
}
