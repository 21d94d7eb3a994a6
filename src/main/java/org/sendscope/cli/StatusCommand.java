package org.sendscope.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.sendscope.report.ResultPrinter;
import org.sendscope.warehouse.Warehouse;
import picocli.CommandLine.Command;

/** {@code sendscope status}: what is loaded, from which files and releases, and how many rows. */
@Command(name = "status", mixinStandardHelpOptions = true,
        description = "Show what is loaded: files, checksums, releases (vintages) and row counts by source, and the loads refused or failed.")
public final class StatusCommand extends TableCommand {
    @Override
    public Integer call() throws SQLException {
        PrintWriter out = out();
        if (!Files.exists(options.file())) {
            out.println("No warehouse at " + options.file() + " yet. Run 'sendscope demo' or 'sendscope load …'.");
            return 0;
        }
        try (Warehouse w = options.openReadOnly(); Statement s = w.connection().createStatement()) {
            out.println("Warehouse: " + options.file().toAbsolutePath());
            out.println();
            out.println("Loads in force:");
            try (ResultSet rs = s.executeQuery("""
                    SELECT load_id, source, vintage, file_name, left(sha256, 12) AS sha256_12,
                           rows_loaded, rows_rejected, strftime(finished_at, '%Y-%m-%d %H:%M') AS loaded_at
                    FROM loads WHERE status = 'loaded' ORDER BY load_id""")) {
                ResultPrinter.print(rs, format.format, out);
            }
            if (w.count("SELECT count(*) FROM loads WHERE status IN ('refused', 'failed')") > 0) {
                out.println();
                out.println("Loads refused or failed (nothing of them was kept):");
                try (ResultSet rs = s.executeQuery("""
                        SELECT load_id, status, source, vintage, file_name, strftime(started_at, '%Y-%m-%d %H:%M') AS at,
                               message AS reason
                        FROM loads WHERE status IN ('refused', 'failed') ORDER BY load_id""")) {
                    ResultPrinter.print(rs, format.format, out);
                }
            }
            out.println();
            out.println("Observations by source and vintage (all vintages kept; views show the latest):");
            try (ResultSet rs = s.executeQuery("""
                    SELECT source, vintage, count(*) AS observations, count(DISTINCT measure) AS measures,
                           count(DISTINCT area_code) AS areas, min(period_end) AS first_period_end,
                           max(period_end) AS last_period_end,
                           count(*) FILTER (WHERE status <> 'reported') AS marker_values
                    FROM observations_all_vintages GROUP BY ALL ORDER BY source, vintage""")) {
                ResultPrinter.print(rs, format.format, out);
            }
            out.println();
            out.println("Other tables:");
            try (ResultSet rs = s.executeQuery("""
                    SELECT 'areas' AS view, count(*) AS rows FROM areas
                    UNION ALL SELECT 'measures', count(*) FROM measures
                    UNION ALL SELECT 'statistical_neighbours', count(*) FROM statistical_neighbours
                    UNION ALL SELECT 'load_rejects', count(*) FROM load_rejects""")) {
                ResultPrinter.print(rs, format.format, out);
            }
        }
        return 0;
    }
}
