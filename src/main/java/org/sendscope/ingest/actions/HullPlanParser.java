package org.sendscope.ingest.actions;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a Hull-style SEND strategic plan from its PDF text: six numbered strategic priorities, each
 * with a nine-column table (objective, action, intended outcomes, impact measures, strategic lead,
 * start date, due date, SEF/DBV/AFI codes, status on the RAGP phrase scale).
 *
 * <p>The plan has no action refs: actions are numbered {@code N.k} in document order within priority
 * N (docs/decisions/0031-action-refs-and-warnings.md). An objective cell left empty continues the
 * previous objective; a row without its objective column (eight cells, after a page break) likewise.
 * A row whose dates and status cells are empty continues the previous action's text. A row holding two
 * actions' dates and statuses (two rows merged by the extraction) gives two actions, with a warning.
 */
public final class HullPlanParser {
    private static final Pattern PRIORITY_LIST = Pattern.compile("^-?\\s*(\\d)\\.\\s+(To .+)$");
    private static final Pattern STATUS_PHRASE = Pattern.compile(
            "(?i)(On track no concerns|On track some concerns|Completed Embedded Sustained|Not due yet|On track|Not started)");

    private HullPlanParser() {
    }

    /** Parses the plan in these lines. */
    public static ParsedPlan parse(String fileName, List<String> lines) {
        ParsedPlan plan = new ParsedPlan(PlanFormat.HULL, fileName);
        Map<Integer, String> priorities = new HashMap<>();
        int priority = 0;
        int k = 0;
        boolean inTable = false;
        String objective = null;
        PlannedAction last = null;
        for (int i = 0; i < lines.size(); i++) {
            long lineNo = i + 1;
            String raw = lines.get(i);
            String flat = raw.replace('\t', ' ').replaceAll("\\s+", " ").strip();
            if (plan.title == null && flat.matches("(?i)Hull.*SEND strategic plan.*")) plan.title = flat;
            Matcher pl = PRIORITY_LIST.matcher(flat);
            if (!inTable && pl.matches() && !priorities.containsKey(Integer.parseInt(pl.group(1)))) {
                priorities.put(Integer.parseInt(pl.group(1)), pl.group(2).strip());
            }
            Matcher heading = Pattern.compile("^(\\d)\\.\\s*To\\b").matcher(flat.replace(" ", " "));
            if (heading.find() && !raw.strip().startsWith("-") && priority < Integer.parseInt(heading.group(1))
                    && (inTable || priority == 0)) {
                priority = Integer.parseInt(heading.group(1));
                k = 0;
                objective = null;
                inTable = false;
                continue;
            }
            if (flat.startsWith("What do we want to achieve")) {
                if (priority == 0) {
                    priority = 1;
                    plan.notes.add(new ParseNote(lineNo, "priority", null,
                            "warning: the first table has no priority heading above it; taken as priority 1"));
                }
                inTable = true;
                continue;
            }
            if (!inTable) continue;
            String[] c = raw.split("\t", -1);
            if (c.length < 8) continue;
            for (int j = 0; j < c.length; j++) c[j] = c[j].strip();
            if (String.join("", c).matches("[-\\s]*")) continue;   // a table's ruled bottom line
            String[] cells = new String[9];
            if (c.length >= 9) {
                System.arraycopy(c, c.length - 9, cells, 0, 9);
            } else {
                cells[0] = "";
                System.arraycopy(c, 0, cells, 1, 8);
            }
            boolean noDates = cells[5].isEmpty() && cells[6].isEmpty() && cells[8].isEmpty();
            if (noDates && last != null) {
                last.objective = PlannedAction.append(last.objective, cells[0]);
                last.title = PlannedAction.append(last.title, cells[1]);
                last.successMeasures = PlannedAction.append(last.successMeasures, join(cells[2], cells[3]));
                last.lead = PlannedAction.append(last.lead, cells[4]);
                continue;
            }
            if (meaningful(cells[0])) objective = cells[0];
            List<String> statuses = phrases(cells[8]);
            int n = Math.max(1, statuses.size());
            String[] starts = split(cells[5], n);
            String[] dues = split(cells[6], n);
            String[] codes = split(cells[7], n);
            for (int m = 0; m < n; m++) {
                PlannedAction a = new PlannedAction();
                a.ref = priority + "." + (++k);
                a.line = lineNo;
                a.priority = priority + ". " + priorities.getOrDefault(priority, "");
                a.objective = objective;
                a.title = cells[1];
                a.successMeasures = join(cells[2], cells[3]);
                a.lead = cells[4];
                a.origin = codes[m];
                plan.readStart(a, lineNo, starts[m]);
                plan.readDeadline(a, lineNo, dues[m]);
                plan.readStatus(a, lineNo, n > 1 ? statuses.get(m) : cells[8]);
                if (n > 1) {
                    plan.warn(a, lineNo, "row", cells[8], "one row holds " + n + " actions' dates and statuses (rows "
                            + "merged by the text extraction); action text kept whole on each");
                }
                a.seq = plan.actions.size() + 1;
                plan.actions.add(a);
                last = a;
            }
        }
        return plan;
    }

    /** Intended outcomes and impact measures, kept together as the action's success measures. */
    private static String join(String outcomes, String measures) {
        if (outcomes.isEmpty()) return measures.isEmpty() ? null : "Impact measures: " + measures;
        if (measures.isEmpty()) return "Intended outcomes: " + outcomes;
        return "Intended outcomes: " + outcomes + " Impact measures: " + measures;
    }

    /** A drop capital or stray letters left in the objective column are not an objective. */
    private static boolean meaningful(String cell) {
        return cell != null && cell.matches(".*[A-Za-z]{3,}.*");
    }

    private static List<String> phrases(String status) {
        List<String> found = new ArrayList<>();
        Matcher m = STATUS_PHRASE.matcher(status);
        while (m.find()) found.add(m.group(1));
        return found;
    }

    /** A cell holding n values separated by spaces (merged rows) split into n; otherwise n copies. */
    private static String[] split(String cell, int n) {
        String[] out = new String[n];
        String[] parts = cell.split("\\s+");
        if (n > 1 && parts.length == n) return parts;
        for (int i = 0; i < n; i++) out[i] = cell;
        return out;
    }
}
