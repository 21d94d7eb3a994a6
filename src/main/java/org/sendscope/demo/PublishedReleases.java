package org.sendscope.demo;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.sendscope.forecast.EhcpForecasting;
import org.sendscope.forecast.ForecastStore;
import org.sendscope.forecast.IntervalForecast;
import org.sendscope.forecast.Models;
import org.sendscope.forecast.Panel;
import org.sendscope.forecast.PanelLoader;
import org.sendscope.ingest.LoadResult;
import org.sendscope.ingest.dfe.DfeFolder;

/**
 * The demo's steps that need the DfE's published releases: they are read in place from
 * {@code ../shared/data/dfe} (or {@code $SENDSCOPE_SHARED/data/dfe}), never bundled, so where that
 * folder is absent the steps say so and the demo goes on with what the repository holds.
 */
final class PublishedReleases {
    private PublishedReleases() {
    }

    /** The DfE data folder, or null where it is absent. */
    static Path folder() {
        String env = System.getenv("SENDSCOPE_SHARED");
        String home = System.getProperty("sendscope.home");
        Path shared = env != null && !env.isBlank() ? Path.of(env)
                : (home != null ? Path.of(home) : Path.of("").toAbsolutePath()).resolve("..").resolve("shared");
        Path dfe = shared.resolve("data").resolve("dfe").normalize();
        return Files.isDirectory(dfe.resolve("ehc-plans")) ? dfe : null;
    }

    /** SEN2 releases, statistical neighbours, DSG finance and LAIT, each by its own loader. */
    static DemoStep load() {
        return DemoStep.of("load the DfE's published releases from ../shared/data/dfe, where present (SEN2, "
                + "neighbours, DSG, LAIT)", demo -> {
            PrintWriter out = demo.out();
            Path dfe = folder();
            if (dfe == null) {
                out.println("   skipped: no ../shared/data/dfe beside the project (set SENDSCOPE_SHARED to its parent "
                        + "folder); the EHC plan notebooks and forecasts need the SEN2 releases");
                return;
            }
            for (DfeFolder.Load l : new DfeFolder(dfe).loads()) {
                LoadResult r = l.loader().load(demo.warehouse(), l.file());
                demo.loaded(r);
                out.println("   " + r);
            }
        });
    }

    /** EHC plan forecasts for every LA from the latest January, stored with their provenance. */
    static DemoStep forecasts() {
        return DemoStep.of("forecast EHC plans for every LA, three years from the latest January (model "
                + "auto)", demo -> {
            if (demo.warehouse().count("SELECT count(*) FROM observations WHERE measure = 'ehc_plans'") == 0) {
                demo.out().println("   skipped: no SEN2 ehc_plans loaded");
                return;
            }
            Panel panel = PanelLoader.load(demo.warehouse());
            EhcpForecasting f = new EhcpForecasting(panel);
            int origin = panel.lastStockYear();
            // Running the demo again changes nothing: a demo run made after the last load stands.
            long earlier = demo.warehouse().count("SELECT coalesce(max(run_id), 0) FROM forecast_run WHERE command = "
                    + "'sendscope demo' AND origin = " + origin + " AND created_at >= (SELECT max(finished_at) FROM load_log)");
            if (earlier > 0) {
                demo.out().printf("   already forecast from January %d as run %d (nothing loaded since), unchanged%n",
                        origin, earlier);
                return;
            }
            List<IntervalForecast> rows = f.forecast(origin, 3, Models.AUTO, List.of());
            long run = ForecastStore.save(demo.warehouse(), new ForecastStore.Run("ehc_plans", origin, 3, Models.AUTO,
                    f.settings(), "sendscope demo"), rows);
            demo.out().printf("   stored forecast run %d: %d rows (%d LAs from January %d); "
                    + "SELECT * FROM forecasts WHERE run_id = %d%n", run, rows.size(),
                    rows.stream().map(IntervalForecast::areaCode).distinct().count(), origin, run);
        });
    }

}
