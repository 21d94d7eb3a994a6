package org.sendscope.ingest.actions;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a Bedford-style written statement of action from its PDF text: numbered areas for development
 * ({@code 1. There are no coordinated priorities …}), objectives {@code 1.1} and actions {@code 1.1.1}
 * with completion date ({@code Jul-18}, {@code Sept - Nov 18}), accountable officer(s), deliverer(s),
 * resources, success criteria, progress update and RAG rating. Objectives are kept as each action's
 * objective, not counted as actions. The RAG column is empty in the published text (its colour was
 * lost), so statuses are {@code unknown}.
 */
public final class BedfordPlanParser {
    private static final Pattern AREA = Pattern.compile("^(?:<p>)?\\s*(\\d)\\.\\s+(.+)$");
    private static final Pattern OBJECTIVE_REF = Pattern.compile("^(\\d+)\\.(\\d+)$");
    private static final Pattern ACTION_REF = Pattern.compile("^(\\d+)\\.(\\d+)\\.(\\d+)$");

    private BedfordPlanParser() {
    }

    /** Parses the statement in these lines. */
    public static ParsedPlan parse(String fileName, List<String> lines) {
        ParsedPlan plan = new ParsedPlan(PlanFormat.BEDFORD, fileName);
        String area = null;
        int areaNo = 0;
        String objective = null;
        for (int i = 0; i < lines.size(); i++) {
            long lineNo = i + 1;
            String raw = lines.get(i);
            String flat = strip(raw.replace('\t', ' ')).replaceAll("\\s+", " ").strip();
            if (plan.title == null && flat.contains("Statement of Action")) plan.title = flat;
            String[] c = raw.split("\t", -1);
            for (int j = 0; j < c.length; j++) c[j] = strip(c[j]).strip();
            String first = c[0];
            Matcher am = ACTION_REF.matcher(first);
            if (am.matches() && c.length >= 7) {
                PlannedAction a = new PlannedAction();
                a.ref = first;
                a.line = lineNo;
                a.priority = area;
                a.objective = objective;
                a.title = c[1];
                a.lead = blank(c[3]);
                a.deliverers = blank(c[4]);
                a.successMeasures = blank(c[6]);
                a.progress = c.length > 7 ? blank(c[7]) : null;
                if (c[5].length() > 0) a.progress = PlannedAction.append(a.progress, "Resources: " + c[5]);
                plan.readDeadline(a, lineNo, c[2]);
                plan.readStatus(a, lineNo, c.length > 8 ? c[8] : "");
                if (!first.startsWith(areaNo + ".")) {
                    plan.warn(a, lineNo, "ref", first, "action numbered outside its area " + areaNo);
                }
                a.seq = plan.actions.size() + 1;
                plan.actions.add(a);
                continue;
            }
            if (OBJECTIVE_REF.matcher(first).matches() && c.length >= 3) {
                objective = first + " " + c[1];
                continue;
            }
            Matcher ar = AREA.matcher(flat);
            if (ar.matches() && Integer.parseInt(ar.group(1)) == areaNo + 1 && !flat.startsWith("Objectives")) {
                areaNo++;
                area = areaNo + ". " + ar.group(2).strip();
                objective = null;
            }
        }
        long unknown = plan.actions.stream().filter(a -> a.status == ActionStatus.UNKNOWN).count();
        if (unknown > 0) {
            plan.notes.add(new ParseNote(null, "RAG rating", null, "warning: " + unknown + " of " + plan.actions.size()
                    + " actions have an empty RAG rating (the colour was lost in text extraction); stored as unknown"));
        }
        return plan;
    }

    private static String strip(String s) {
        return s.replaceAll("</?p>", " ");
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
