package org.sendscope.ingest.actions;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a BCP-style improvement plan from its PDF text: a RAG key with the plan's own count of actions
 * by status, then numbered priority sections ({@code 5. Pathway}), each with a KPI table (skipped
 * here: the KPI loader reads those) and an action table under a repeated header
 * {@code Ref Origin Action Lead Deadline RAG Success measures Progress to date Impact to date}.
 *
 * <p>Text extraction splits rows across pages (continuation rows without a ref), repeats headers
 * (sometimes as {@code Re f}, {@code F Ref} or merged with a row), prefixes refs with page numbers
 * ({@code 85 1.8}, {@code 8.3 158}), loses digits ({@code .15}, {@code 0.3} under priority 6) and doubles
 * rows. The parser follows the plan's numbering: a ref that fits the current priority's sequence is
 * repaired with a warning, a row that does not fit is refused, and a ref met twice in a row has its
 * cells joined. The RAG colour did not survive extraction: a cell holding only a direction-of-travel
 * glyph gives status {@code unknown}; the letters of the key (R, A, P, G, C, NS) are read where present.
 */
public final class BcpPlanParser {
    private static final Pattern KEY_HEADER = Pattern.compile("(?i)^RAG\\s+Description\\s+Total out of (\\d+)");
    private static final Pattern SECTION = Pattern.compile("^(\\d)\\.\\s+([A-Z][^\\t]{3,100})$");
    private static final Pattern HEADER = Pattern.compile(
            "(?i)^(?:[^\\d\\s.]{1,3}\\s+)?(?:Re\\s?f?\\s+)?Origin\\b.*\\bLead\\b.*\\bDeadline\\b.*");
    private static final Pattern REF = Pattern.compile(
            "^(?:[^\\w\\s]{1,3}\\s*)?(\\d{0,2})(?:\\.|\\s(?=\\d{2}$))(\\d{1,2})\\)?(?:\\s+\\d{1,3})?$");
    private static final Pattern REF_WITH_TEXT = Pattern.compile("^(\\d{1,2}\\.\\d{1,2})\\)?\\s+(\\D.*)$");
    private static final Pattern PAGE_NUMBER = Pattern.compile("^\\d{1,3}$");
    private static final String[] HEADER_WORDS = {"Ref", "Origin", "Action", "Lead", "Deadline", "RAG",
            "Success measures", "Progress to date", "Impact to date"};

    private final ParsedPlan plan;
    private final List<String> lines;
    private int section;
    private String priority;
    private int lastMinor;
    private PlannedAction current;
    private boolean skipping;
    private final Set<String> seen = new HashSet<>();
    private final List<String[]> pieces = new ArrayList<>();

    private BcpPlanParser(String fileName, List<String> lines) {
        this.plan = new ParsedPlan(PlanFormat.BCP, fileName);
        this.lines = lines;
    }

    /** Parses the plan in these lines (a whole plan, or a committee pack that includes one). */
    public static ParsedPlan parse(String fileName, List<String> lines) {
        return new BcpPlanParser(fileName, lines).run();
    }

    private ParsedPlan run() {
        int start = findStart();
        boolean inTable = false;
        for (int i = start; i < lines.size(); i++) {
            long lineNo = i + 1;
            String raw = lines.get(i);
            String flat = raw.replace('\t', ' ').replaceAll("\\s+", " ").strip();
            if (flat.startsWith("Glossary")) break;
            if (plan.title == null && flat.contains("SEND Improvement Plan") && flat.length() < 90) plan.title = flat;
            Matcher key = KEY_HEADER.matcher(flat);
            if (key.find()) {
                i = readKey(i, Integer.parseInt(key.group(1)));
                continue;
            }
            Matcher sec = SECTION.matcher(raw.strip());
            if (sec.matches() && !raw.contains("\t")) {
                int n = Integer.parseInt(sec.group(1));
                if (n == section + 1) {
                    finish();
                    section = n;
                    priority = n + ". " + sec.group(2).strip();
                    lastMinor = 0;
                    inTable = false;
                    continue;
                }
            }
            if (flat.startsWith("Key Performance Indicators")) {
                finish();
                inTable = false;
                continue;
            }
            if (HEADER.matcher(flat).matches() || (inTable && flat.matches("^Ref? .{20,}"))) {
                inTable = true;
                if (section > 0) headerMergedWithRow(raw, lineNo);
                continue;
            }
            if (!inTable || section == 0 || flat.isEmpty()) continue;
            row(raw, lineNo);
        }
        finish();
        long lost = plan.actions.stream().filter(a -> a.status == ActionStatus.UNKNOWN).count();
        if (lost > 0) {
            plan.notes.add(new ParseNote(null, "RAG", null, "warning: " + lost + " of " + plan.actions.size()
                    + " actions have no status letter in the RAG column (the colour was lost in text extraction; "
                    + "what remains is a direction-of-travel glyph, kept as status_as_written); stored as unknown"));
        }
        return plan;
    }

    /** The plan starts at its RAG key; without one, at the first action table header. */
    private int findStart() {
        for (int i = 0; i < lines.size(); i++) {
            String flat = lines.get(i).replace('\t', ' ').replaceAll("\\s+", " ").strip();
            if (KEY_HEADER.matcher(flat).find()) {
                for (int j = i; j >= Math.max(0, i - 60); j--) {
                    String t = lines.get(j).strip();
                    if (t.contains("SEND Improvement Plan") && t.length() < 90) return j;
                }
                return i;
            }
        }
        for (int i = 0; i < lines.size(); i++) {
            if (HEADER.matcher(lines.get(i).replace('\t', ' ').replaceAll("\\s+", " ").strip()).matches()) {
                return Math.max(0, i - 40);
            }
        }
        return 0;
    }

    /** Reads the RAG key rows: code, description, count, percentage (the total is in the header). */
    private int readKey(int headerIndex, int total) {
        int i = headerIndex + 1;
        for (; i < lines.size(); i++) {
            String raw = lines.get(i);
            if (raw.isBlank()) {
                if (!plan.reported.isEmpty()) break;
                continue;
            }
            String[] c = raw.split("\t", -1);
            if (c.length < 4) break;
            String code = c[0].strip();
            String description = c[1].strip();
            Integer n = integer(c[2]);
            if (n == null) {
                plan.reject(null, i + 1, "RAG key count", c[2], "not a count");
                continue;
            }
            ActionStatus status = keyStatus(code, description);
            plan.reported.add(new ReportedStatus(code, status, description, n, c[3].strip(), total));
        }
        return i;
    }

    /** The key row's status: from its letter, or (when the letter was lost with its colour) its description. */
    static ActionStatus keyStatus(String code, String description) {
        ActionStatus s = ActionStatus.read(code);
        if (s != null && s != ActionStatus.UNKNOWN) return s;
        String d = ActionStatus.normalise(description);
        String[][] phrases = {{"not started", "NOT_STARTED"}, {"high risk", "HIGH_RISK"},
                {"significant risk", "SIGNIFICANT_RISK"}, {"on track", "ON_TRACK"}, {"actioned", "ACTIONED"},
                {"completed", "COMPLETED"}};
        for (String[] p : phrases) if (d.startsWith(p[0])) return ActionStatus.valueOf(p[1]);
        return ActionStatus.UNKNOWN;
    }

    private static Integer integer(String s) {
        try {
            return Integer.parseInt(s.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /**
     * A header line that also carries a row whose ref was lost (the header words plus the row's text,
     * e.g. {@code Ref | Origin WSoA/SIB | Action Delivery of …}). Returns true when it held a row.
     */
    private boolean headerMergedWithRow(String raw, long lineNo) {
        List<String> cells = new ArrayList<>(List.of(raw.split("\t", -1)));
        // Drop what precedes the header's first word (an empty cell, a stray 'F'), join a split 'Re | f …'.
        while (!cells.isEmpty() && !cells.get(0).strip().matches("(?i)^(Re|Ref|Origin)\\b.*")) cells.remove(0);
        if (cells.size() > 1 && cells.get(0).strip().equals("Re") && cells.get(1).strip().startsWith("f")) {
            cells.set(0, "Ref");
            cells.set(1, cells.get(1).strip().substring(1).strip());
        }
        if (!cells.isEmpty() && cells.get(0).strip().startsWith("Origin")) cells.add(0, "Ref");
        if (cells.size() < 3) return false;
        String[] rest = new String[Math.max(cells.size(), 9)];
        boolean any = false;
        for (int k = 0; k < cells.size(); k++) {
            String v = cells.get(k).strip();
            if (k < HEADER_WORDS.length && v.startsWith(HEADER_WORDS[k])) v = v.substring(HEADER_WORDS[k].length()).strip();
            if (k >= 1 && v.length() > 3) any = true;
            rest[k] = v;
        }
        if (!any) return false;
        String ref = section + "." + (lastMinor + 1);
        if (seen.contains(ref)) return false;
        finish();
        rest[0] = "";
        start(ref, rest, lineNo);
        plan.warn(current, lineNo, "ref", abbreviate(raw),
                "row merged with the table header and its ref lost; ref " + ref + " inferred from the sequence");
        return true;
    }

    private void row(String raw, long lineNo) {
        String[] c = raw.split("\t", -1);
        for (int k = 0; k < c.length; k++) c[k] = c[k].strip();
        if (c.length > 2 && c[0].matches("^\\d\\.$") && c[1].matches("^\\.\\d{1,2}$")) {
            // A ref split across two cells ('7.' | '.8'): join them.
            String[] d = new String[c.length - 1];
            d[0] = c[0] + c[1].substring(1);
            System.arraycopy(c, 2, d, 1, c.length - 2);
            c = d;
        }
        Matcher withText = REF_WITH_TEXT.matcher(c[0]);
        if (withText.matches()) {
            // Ref and origin in one cell ('2.10) Parent/Carers'): split them.
            String[] d = new String[c.length + 1];
            d[0] = withText.group(1);
            d[1] = withText.group(2);
            System.arraycopy(c, 1, d, 2, c.length - 1);
            c = d;
        }
        if (c.length > 4 && PAGE_NUMBER.matcher(c[0]).matches() && !REF.matcher(c[1]).matches() && !c[1].isEmpty()
                && c[2].matches("^[A-Z].{10,}")) {
            // A page number printed over the ref cell of a new row: the ref is next in sequence.
            String ref = section + "." + (lastMinor + 1);
            if (!seen.contains(ref) && section > 0) {
                finish();
                start(ref, c, lineNo);
                plan.warn(current, lineNo, "ref", c[0], "ref cell holds '" + c[0] + "' (a page number); ref " + ref
                        + " inferred from the sequence");
                return;
            }
        }
        if (c.length > 1 && PAGE_NUMBER.matcher(c[0]).matches() && REF.matcher(c[1]).matches()) {
            c = java.util.Arrays.copyOfRange(c, 1, c.length);
        } else if (c.length > 1 && c[0].isEmpty() && REF.matcher(c[1]).matches()) {
            c = java.util.Arrays.copyOfRange(c, 1, c.length);
        } else if (PAGE_NUMBER.matcher(c[0]).matches()) {
            c[0] = "";
        }
        Matcher ref = REF.matcher(c[0]);
        if (ref.matches()) {
            String major = ref.group(1);
            int minor = Integer.parseInt(ref.group(2));
            String written = c[0];
            String asRead = major + "." + minor;
            String repaired = section + "." + minor;
            if (current != null && repaired.equals(current.ref) && String.valueOf(section).equals(major)) {
                // The same ref again at once: a row doubled or split by the extraction.
                plan.warn(current, lineNo, "ref", written, "ref appears on two consecutive rows; their cells joined");
                continueRow(c);
                return;
            }
            boolean fits = minor >= 1 && minor > lastMinor && minor <= lastMinor + 3 && !seen.contains(repaired);
            if (fits) {
                finish();
                start(repaired, c, lineNo);
                if (!asRead.equals(repaired) || !written.equals(asRead)) {
                    plan.warn(current, lineNo, "ref", written, "ref written '" + written + "' read as " + repaired
                            + " (priority " + section + ", next in sequence)");
                }
                return;
            }
            finish();
            skipping = true;
            plan.reject(null, lineNo, "ref", written, "row with ref '" + written + "' does not fit priority "
                    + section + "'s numbering after " + section + "." + lastMinor
                    + " (a text-extraction artefact); row skipped");
            return;
        }
        if (skipping) {
            plan.reject(null, lineNo, "row", abbreviate(raw), "continuation of a skipped row; skipped");
            return;
        }
        if (current == null) {
            if (raw.strip().length() > 0) plan.reject(null, lineNo, "row", abbreviate(raw), "text before the first action; skipped");
            return;
        }
        continueRow(c);
    }

    private static String abbreviate(String s) {
        String t = s.replace('\t', ' ').strip();
        return t.length() > 80 ? t.substring(0, 80) + "…" : t;
    }

    private void start(String ref, String[] c, long lineNo) {
        skipping = false;
        current = new PlannedAction();
        current.ref = ref;
        current.line = lineNo;
        current.priority = priority;
        seen.add(ref);
        lastMinor = Integer.parseInt(ref.substring(ref.indexOf('.') + 1));
        pieces.clear();
        continueRow(c);
    }

    /** Adds a row's cells to the current action, column by column. */
    private void continueRow(String[] c) {
        String[] p = new String[9];
        for (int k = 1; k < Math.min(c.length, 9); k++) p[k] = c[k];
        pieces.add(p);
    }

    /** Assembles the current action from its pieces and reads its dates and status. */
    private void finish() {
        if (current == null) return;
        PlannedAction a = current;
        String[] col = new String[9];
        for (String[] p : pieces) for (int k = 1; k < 9; k++) col[k] = PlannedAction.append(col[k], p[k]);
        for (int k = 1; k < 9; k++) {
            // A header word that leaked into its own column ('Lead Sam Best …', 'RAG') is not content.
            if (col[k] != null && col[k].matches("(?i)^" + HEADER_WORDS[k] + "(\\s.*)?$")) {
                col[k] = col[k].substring(HEADER_WORDS[k].length()).strip();
                if (col[k].isEmpty()) {
                    col[k] = null;
                    if (k == 4) {
                        plan.reject(a, a.line, "deadline", HEADER_WORDS[k], "the deadline cell holds only the header "
                                + "word (its date was lost in text extraction); no deadline");
                    }
                }
            }
        }
        a.origin = col[1];
        a.title = col[2] == null ? "" : col[2];
        a.lead = col[3];
        a.successMeasures = col[6];
        a.progress = col[7];
        if (col[8] != null) a.progress = PlannedAction.append(a.progress, "Impact to date: " + col[8]);
        plan.readDeadline(a, a.line, col[4]);
        String rag = col[5] == null ? "" : col[5];
        ActionStatus s = ActionStatus.read(rag);
        if (s == null && rag.matches("^[^A-Za-z\\s]{1,4}\\s*[A-Za-z][^\\s]*\\s+\\S+.{8,}")) {
            // The success-measures text slid into the RAG column behind the glyph: give it back.
            String glyph = rag.replaceAll("^([^A-Za-z]{1,4}).*$", "$1").strip();
            a.successMeasures = PlannedAction.append(rag.substring(rag.indexOf(glyph) + glyph.length()), a.successMeasures);
            plan.warn(a, a.line, "RAG", rag.length() > 40 ? rag.substring(0, 40) + "…" : rag,
                    "RAG cell held the success measures (columns shifted); moved to success measures");
            rag = glyph;
            s = ActionStatus.read(rag);
        }
        a.statusAsWritten = rag;
        a.status = s == null ? ActionStatus.UNKNOWN : s;
        a.seq = plan.actions.size() + 1;
        plan.actions.add(a);
        current = null;
        pieces.clear();
    }
}
