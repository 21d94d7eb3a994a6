package org.sendscope.ingest.actions;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * One action as read from a plan or tracker, before it is written to the warehouse. Parsers fill it
 * in as they meet its cells (a row split across pages arrives in pieces), so it is mutable.
 */
public final class PlannedAction {
    String ref;
    int seq;
    String priority;
    String objective;
    String title = "";
    String lead;
    String deliverers;
    String origin;
    String startAsWritten;
    LocalDate start;
    String deadlineAsWritten;
    LocalDate deadline;
    String successMeasures;
    String progress;
    String statusAsWritten = "";
    ActionStatus status = ActionStatus.UNKNOWN;
    long line;
    final List<String> warnings = new ArrayList<>();

    public String ref() { return ref; }
    public String priority() { return priority; }
    public String objective() { return objective; }
    public String title() { return title; }
    public String lead() { return lead; }
    public String origin() { return origin; }
    public String startAsWritten() { return startAsWritten; }
    public LocalDate start() { return start; }
    public String deadlineAsWritten() { return deadlineAsWritten; }
    public LocalDate deadline() { return deadline; }
    public String successMeasures() { return successMeasures; }
    public String progress() { return progress; }
    public String statusAsWritten() { return statusAsWritten; }
    public ActionStatus status() { return status; }
    public long line() { return line; }
    public List<String> warnings() { return warnings; }

    /** Appends a piece of text to a cell that continued on the next line or page. */
    static String append(String cell, String more) {
        if (more == null || more.isBlank()) return cell;
        if (cell == null || cell.isBlank()) return more.strip();
        return cell.strip() + " " + more.strip();
    }

    @Override
    public String toString() {
        return ref + " " + title + " [" + deadlineAsWritten + " -> " + deadline + ", " + statusAsWritten + " -> "
                + status + "]";
    }
}
