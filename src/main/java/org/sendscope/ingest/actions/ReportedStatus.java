package org.sendscope.ingest.actions;

/** One line of a plan's own summary of its actions by status, e.g. BCP's "А Significant risk … 30 22%". */
public record ReportedStatus(String statusAsWritten, ActionStatus status, String description, int n,
                             String pctAsWritten, Integer total) {
}
