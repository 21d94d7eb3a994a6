package org.sendscope.analysis;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.sendscope.warehouse.PublicViews;
import org.sendscope.warehouse.Warehouse;

/** The analysis views exist and are documented; every scrutiny question is listed in sql/queries/README.md. */
class AnalysisViewsDocumentedTest {
    @Test
    void everyAnalysisViewAndQuestionIsDocumented() throws Exception {
        String views = Files.readString(Path.of("sql", "README.md"));
        String queries = Files.readString(Path.of("sql", "queries", "README.md"));
        try (Warehouse w = Warehouse.inMemory()) {
            List<String> names = PublicViews.names(w);
            for (String v : List.of("analysis_measures", "analysis_observations", "kpi_trend", "kpi_latest",
                    "benchmark_comparison")) {
                assertTrue(names.contains(v), v + " is not a public view");
                assertTrue(views.contains("### `" + v + "`"), v + " is not documented in sql/README.md");
            }
        }
        for (ScrutinyQuestion q : ScrutinyQuestion.all()) {
            assertTrue(queries.contains("| `" + q.name() + "` |"), q.name() + " is not listed in sql/queries/README.md");
        }
    }
}
