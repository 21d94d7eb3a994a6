package org.sendscope.report.scorecard;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import org.sendscope.warehouse.Warehouse;

/**
 * {@code sendscope report scorecard}: reads the LA's scorecard from the warehouse, applies disclosure
 * control, and writes the static site. The command and the demo both call {@link #publish}.
 */
public final class ScorecardReport {
    private ScorecardReport() {
    }

    /** What was written. */
    public record Published(Path dir, List<Path> pages, int kpis, long suppressed, Scorecard scorecard) {
        /** One line for the terminal. */
        public String summary() {
            return "scorecard: " + pages.size() + " pages (" + kpis + " KPIs), " + suppressed
                    + " figures suppressed, in " + dir.toAbsolutePath().normalize().resolve("index.html");
        }
    }

    /**
     * Writes the scorecard of {@code areaCode} as at {@code asOf} into {@code dir}.
     *
     * @param plan      the improvement plan whose actions are summarised, or null for none
     * @param snapshot  its snapshot, or null for the latest on or before {@code asOf} (else its first)
     * @param threshold counts below this are not published
     */
    public static Published publish(Warehouse w, String areaCode, LocalDate asOf, String plan, LocalDate snapshot,
                                    int threshold, Path dir) throws SQLException, IOException {
        DisclosureRules rules = DisclosureRules.standard();
        Scorecard card = new ScorecardReader(w, new DisclosureControl(threshold, rules))
                .read(areaCode, asOf, plan, snapshot);
        List<Path> pages = new ScorecardSite().write(card, dir);
        return new Published(dir, pages, card.rows().size(), card.suppressedCount(), card);
    }
}
