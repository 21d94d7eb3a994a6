package org.sendscope.ingest.kpi;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.sendscope.warehouse.PublicViews;
import org.sendscope.warehouse.Warehouse;

/** The local-KPI views exist and sql/README.md documents each of them. */
class KpiViewsDocumentedTest {
    @Test
    void everyKpiViewIsDocumented() throws Exception {
        String readme = Files.readString(Path.of("sql", "README.md"));
        try (Warehouse w = Warehouse.inMemory()) {
            List<String> views = PublicViews.names(w);
            for (String v : List.of("kpi_targets", "kpi_targets_all_vintages", "kpi_latest")) {
                assertTrue(views.contains(v), v);
                assertTrue(readme.contains("`" + v + "`"), v + " is not documented in sql/README.md");
            }
        }
    }
}
