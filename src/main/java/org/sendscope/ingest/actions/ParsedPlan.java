package org.sendscope.ingest.actions;

import java.util.ArrayList;
import java.util.List;
import org.sendscope.ingest.Plausibility;

/** What a parser read from one plan document or tracker: actions, the plan's own status counts, notes. */
public final class ParsedPlan {
    private final PlanFormat format;
    private final String fileName;
    String title;
    final List<PlannedAction> actions = new ArrayList<>();
    final List<ReportedStatus> reported = new ArrayList<>();
    final List<ParseNote> notes = new ArrayList<>();

    ParsedPlan(PlanFormat format, String fileName) {
        this.format = format;
        this.fileName = fileName;
    }

    public PlanFormat format() { return format; }
    public String fileName() { return fileName; }
    public String title() { return title; }
    public List<PlannedAction> actions() { return actions; }
    public List<ReportedStatus> reported() { return reported; }
    public List<ParseNote> notes() { return notes; }

    /** The action with this ref, or null. */
    public PlannedAction action(String ref) {
        return actions.stream().filter(a -> ref.equals(a.ref)).findFirst().orElse(null);
    }

    /** Records a value loaded after interpretation, on the action and in the notes. */
    void warn(PlannedAction a, long line, String field, String raw, String what) {
        if (a != null) a.warnings.add(field + ": " + what);
        notes.add(new ParseNote(line, (a != null && a.ref != null ? "ref " + a.ref + " " : "") + field, raw,
                "warning: " + what));
    }

    /** Records a refused value. */
    void reject(PlannedAction a, long line, String field, String raw, String reason) {
        notes.add(new ParseNote(line, (a != null && a.ref != null ? "ref " + a.ref + " " : "") + field, raw, reason));
    }

    /** Sets an action's deadline from its cell, noting interpretations and refusals. */
    void readDeadline(PlannedAction a, long line, String raw) {
        a.deadlineAsWritten = raw == null ? null : raw.strip();
        PlanDates.Reading r = PlanDates.read(raw);
        a.deadline = r.last();
        if (r.last() != null && r.dates() > 1) {
            warn(a, line, "deadline", raw, "several dates; the latest, " + r.last() + ", taken as the deadline");
        }
        for (String w : r.warnings()) warn(a, line, "deadline", raw, w);
        if (r.error() != null) reject(a, line, "deadline", raw, r.error());
        Plausibility.planDateWarning(a.deadline).ifPresent(w -> warn(a, line, "deadline", raw, w));
        startAfterDeadline(a, line, raw);
    }

    /** A start after the deadline is kept as written, with a warning (the dates may be swapped). */
    private void startAfterDeadline(PlannedAction a, long line, String raw) {
        if (a.start != null && a.deadline != null && a.start.isAfter(a.deadline)) {
            warn(a, line, "start", raw, "starts " + a.start + ", after its deadline " + a.deadline
                    + " (dates swapped?); both kept as written");
        }
    }

    /** Sets an action's start from its cell. */
    void readStart(PlannedAction a, long line, String raw) {
        a.startAsWritten = raw == null ? null : raw.strip();
        PlanDates.Reading r = PlanDates.read(raw);
        a.start = r.first();
        if (r.first() != null && r.dates() > 1) {
            warn(a, line, "start", raw, "several dates; the earliest, " + r.first() + ", taken as the start");
        }
        for (String w : r.warnings()) warn(a, line, "start", raw, w);
        if (r.error() != null) reject(a, line, "start", raw, r.error());
        Plausibility.planDateWarning(a.start).ifPresent(w -> warn(a, line, "start", raw, w));
        startAfterDeadline(a, line, raw);
    }

    /** Sets an action's status from its cell; an unknown word is stored as unknown and noted. */
    void readStatus(PlannedAction a, long line, String raw) {
        a.statusAsWritten = raw == null ? "" : raw.strip();
        ActionStatus s = ActionStatus.read(raw);
        if (s == null) {
            a.status = ActionStatus.UNKNOWN;
            reject(a, line, "status", raw, "not a status on any known scale; stored as unknown");
        } else {
            a.status = s;
        }
    }
}
