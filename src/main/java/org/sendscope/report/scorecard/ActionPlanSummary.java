package org.sendscope.report.scorecard;

import java.time.LocalDate;
import java.util.List;

/**
 * The improvement plan's actions at one snapshot: how many have each status (view
 * {@code action_status_summary}) and those overdue ({@code overdue_actions}). Counts of the
 * council's actions, not of children: disclosure control does not apply to them.
 */
public record ActionPlanSummary(String plan, LocalDate snapshot, List<StatusCount> statuses, List<OverdueAction> overdue,
                                long loadId) {

    /** One status and how many actions have it. */
    public record StatusCount(String status, long n, double pct) {
        /** The status in words: {@code on_track_some_concerns} → "on track, some concerns". */
        public String words() {
            return switch (status) {
                case "on_track_some_concerns" -> "on track, some concerns";
                default -> status.replace('_', ' ');
            };
        }
    }

    /** An action whose deadline has passed without it being actioned or completed. */
    public record OverdueAction(String ref, String priority, String title, String lead, String deadline, long daysOverdue,
                                String status) {
    }

    /** The snapshot's date as the page says it. */
    public String snapshotWords() {
        return Scorecard.words(snapshot);
    }

    public long total() {
        return statuses.stream().mapToLong(StatusCount::n).sum();
    }
}
