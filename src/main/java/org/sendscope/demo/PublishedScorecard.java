package org.sendscope.demo;

import java.nio.file.Path;
import java.time.LocalDate;
import org.sendscope.report.scorecard.DisclosureControl;
import org.sendscope.report.scorecard.ScorecardReport;

/**
 * The demo's published scorecard: BCP's as at 31 March 2024 (the month of the papers' latest
 * figures), with the plan's transcribed actions and their synthetic statuses ({@link SyntheticTrackerStatuses}), written under the project's {@code target/} as
 * {@code sendscope report scorecard} would.
 */
final class PublishedScorecard {
    static final LocalDate AS_OF = LocalDate.of(2024, 3, 31);

    private PublishedScorecard() {
    }

    /** Where the demo writes it: {@code target/scorecard/demo-bcp} under the project. */
    static Path folder() {
        String home = System.getProperty("sendscope.home");
        return (home != null ? Path.of(home) : Path.of("").toAbsolutePath()).resolve("target").resolve("scorecard")
                .resolve("demo-bcp");
    }

    static DemoStep step() {
        return DemoStep.of("write BCP's published scorecard as at " + AS_OF + " (report scorecard)", demo -> {
            ScorecardReport.Published p = ScorecardReport.publish(demo.warehouse(), Demo.BCP, AS_OF, SyntheticTrackerStatuses.PLAN,
                    null, DisclosureControl.DEFAULT_THRESHOLD, folder());
            demo.out().println("   " + p.summary());
        });
    }
}
