package org.sendscope.ingest.paper;

import java.util.List;
import org.sendscope.ingest.LoadException;
import org.sendscope.ingest.SourceFile;
import org.sendscope.ingest.TextInput;
import org.sendscope.ingest.kpi.KpiCatalogue;
import org.sendscope.ingest.kpi.KpiLoadReport;
import org.sendscope.ingest.kpi.KpiLoader;
import org.sendscope.ingest.kpi.KpiTable;
import org.sendscope.warehouse.Warehouse;

/**
 * {@code sendscope load paper}: every KPI table of a committee paper (text extracted from PDF)
 * into the warehouse for one LA, as published on one date. The vintage is the publication date.
 */
public final class PaperLoader {
    /** The loader's name in load_log. */
    public static final String SOURCE = "paper";

    private PaperLoader() {
    }

    public static KpiLoadReport load(Warehouse warehouse, SourceFile file, String areaCode, String published) {
        return load(warehouse, file, areaCode, published, false);
    }

    /** Loads a paper, allowed (when {@code replace}) to supersede its earlier load though that loses data. */
    public static KpiLoadReport load(Warehouse warehouse, SourceFile file, String areaCode, String published,
                                     boolean replace) {
        return new KpiLoader(warehouse, KpiCatalogue.bundled()).load(SOURCE, file, areaCode, null, published, replace,
                KpiLoader.ofTables(PaperLoader::tables));
    }

    /** This loader as a {@link org.sendscope.ingest.Loader} for one LA's papers published on a date. */
    public static org.sendscope.ingest.Loader forArea(String areaCode, String published) {
        return (warehouse, file, replace) -> load(warehouse, SourceFile.of(file), areaCode, published, replace).result();
    }

    static List<KpiTable> tables(SourceFile file) {
        String text = TextInput.read(file.path(), file.name());
        List<KpiTable> tables = PaperTables.find(text);
        if (tables.isEmpty()) {
            throw new LoadException(file.name(), "no KPI table found (a header line of tab-separated period labels "
                    + "such as 'Dec-23<TAB>Jan-24', followed by rows)");
        }
        return tables;
    }
}
