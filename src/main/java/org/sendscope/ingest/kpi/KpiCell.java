package org.sendscope.ingest.kpi;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.sendscope.period.LocalPeriods;
import org.sendscope.period.Period;

/**
 * One cell of a scorecard read for what it means: a number (with its unit as printed), a status
 * word (TBC, awaiting data, being scoped, not available: the value is NULL, never zero),
 * "not applicable", empty, or unreadable (with the reason). A bracket after the number says
 * which period the number is for ({@code 5 (Jan 24)}, {@code 47.7% (2022)}), that it is a rate
 * ({@code 7.78 (rate)}), or gives a second figure: the rate beside a count ({@code 7 (0.03)})
 * or the count beside a percentage ({@code 10% (10)}).
 */
public record KpiCell(Kind kind, String raw, Double value, String unit, String status, Period ownPeriod,
                      boolean rate, Double second, String reason) {

    /** What a cell holds. */
    public enum Kind { EMPTY, NOT_APPLICABLE, VALUE, STATUS, UNREADABLE }

    private static final String NUM = "(?:\\d{1,3}(?:,\\d{3})+(?:\\.\\d+)?|\\d+(?:\\.\\d+)?|\\.\\d+)";
    private static final Pattern NUMBER = Pattern.compile("^(?<sign>[+-]\\s?)?(?:£\\s*)?(?<num>" + NUM + ")\\s*(?<mult>bn|m|k)?\\s*"
            + "(?<unit>%(?:\\s*%)*|pp|wks?|weeks?|mths?|months?)?\\s*(?:\\((?<paren>[^()]*)\\))?$",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern RATE_ONLY = Pattern.compile("^\\((?<num>" + NUM + ")\\)$");
    private static final Pattern PAREN_NUMBER = Pattern.compile("^" + NUM + "$");
    /** One value token inside a cell that holds several (rows run together by extraction). */
    private static final Pattern TOKEN = Pattern.compile("(?i)\\s*(n\\s*/\\s*a|tbc|awaiting data|data currently(?: being scoped)?"
            + "|being scoped|(?:currently )?not avail(?:able)?|-|(?:£\\s*)?" + NUM + "\\s*(?:bn|m|k)?\\s*"
            + "(?:%(?:\\s*%)*|wks?|weeks?|mths?|months?)?(?:\\s*\\([^()]*\\))?)(?=\\s|$)");

    /** Reads one cell. */
    public static KpiCell parse(String rawCell) {
        try {
            return read(rawCell);
        } catch (NumberFormatException e) {
            return unreadable(rawCell == null ? "" : rawCell, "too large to be a number (overflows a double)");
        }
    }

    private static KpiCell read(String rawCell) {
        String raw = rawCell == null ? "" : rawCell;
        String t = clean(raw);
        if (t.isEmpty()) return new KpiCell(Kind.EMPTY, raw, null, null, null, null, false, null, null);
        String lower = t.toLowerCase(Locale.ROOT);
        if (lower.matches("n\\s*/\\s*a|na|not applicable")) {
            return new KpiCell(Kind.NOT_APPLICABLE, raw, null, null, "n/a", null, false, null, null);
        }
        String status = status(lower);
        if (status != null) return new KpiCell(Kind.STATUS, raw, null, null, status, null, false, null, null);
        Matcher r = RATE_ONLY.matcher(t);
        if (r.matches()) {
            return new KpiCell(Kind.VALUE, raw, number(r.group("num")), "rate", "reported", null, true, null, null);
        }
        Matcher m = NUMBER.matcher(t);
        if (!m.matches()) {
            String why = org.sendscope.ingest.Numbers.whyNot(t.replace("%", "").strip());
            return unreadable(raw, why.equals("not a number") ? "not a number, a status word or n/a" : why);
        }
        double v = number(m.group("num"));
        if (m.group("sign") != null && m.group("sign").trim().equals("-")) v = -v;
        String mult = m.group("mult") == null ? "" : m.group("mult").toLowerCase(Locale.ROOT);
        v *= switch (mult) {
            case "bn" -> 1e9;
            case "m" -> 1e6;
            case "k" -> 1e3;
            default -> 1;
        };
        String unitText = m.group("unit") == null ? "" : m.group("unit").toLowerCase(Locale.ROOT);
        String unit = unitText.startsWith("%") ? "percent" : unitText.equals("pp") ? "percentage_points"
                : unitText.startsWith("w") ? "weeks"
                : unitText.startsWith("m") ? "months" : null;
        String paren = m.group("paren");
        Period own = null;
        boolean rate = false;
        Double second = null;
        if (paren != null) {
            String p = paren.trim();
            Optional<Period> period = LocalPeriods.parse(p);
            if (period.isPresent()) own = period.get();
            else if (p.equalsIgnoreCase("rate")) rate = true;
            else if (PAREN_NUMBER.matcher(p).matches()) second = number(p);
            else return unreadable(raw, "the bracket '(" + p + ")' is neither a period, a rate nor a number");
        }
        return new KpiCell(Kind.VALUE, raw, v, rate ? "rate" : unit, "reported", own, rate, second, null);
    }

    /**
     * The value tokens of a cell that may hold several ({@code 3949 4.4%}, {@code 100% awaiting data}),
     * or the whole cell as one token when it cannot be split cleanly.
     */
    public static List<String> tokens(String rawCell) {
        String t = clean(rawCell == null ? "" : rawCell);
        if (t.isEmpty()) return List.of();
        List<String> out = new ArrayList<>();
        Matcher m = TOKEN.matcher(t);
        int at = 0;
        while (at < t.length() && m.find(at) && m.start() == at) {
            out.add(m.group(1).trim());
            at = m.end();
            while (at < t.length() && t.charAt(at) == ' ') at++;
        }
        if (at < t.length() || out.isEmpty()) return List.of(t);
        return out;
    }

    /** Removes what PDF extraction adds: look-alike letters, markup, stray spaces. */
    static String clean(String raw) {
        String t = LocalPeriods.latin(raw).replaceAll("</?u>", "").replaceAll("\\$\\\\%\\$", "%")
                .replace('\u00a0', ' ').trim().replaceAll("\\s+", " ");
        return t;
    }

    /** The status a word stands for, or null. */
    static String status(String lower) {
        if (lower.equals("tbc") || lower.equals("tbc.") || lower.equals("to be confirmed")) return "tbc";
        if (lower.startsWith("awaiting data")) return "awaiting_data";
        if (lower.contains("scoped") || lower.equals("data currently") || lower.startsWith("data processes")) {
            return "being_scoped";
        }
        if (lower.matches("(currently )?not avail(able|\\.)?|data not (currently )?a(v(a(i(l(a(b(le?)?)?)?)?)?)?)?|not yet available")) {
            return "not_available";
        }
        if (lower.equals("-")) return "-";
        if (lower.matches("c|x|z|u|low|:|\\.\\.")) return lower;
        return null;
    }

    private static double number(String s) {
        // the pattern allows commas only between thousands; a figure too long for a double is refused
        Double v = org.sendscope.ingest.Numbers.parse(s);
        if (v == null) throw new NumberFormatException("too large to be a number: " + s);
        return v;
    }

    private static KpiCell unreadable(String raw, String reason) {
        return new KpiCell(Kind.UNREADABLE, raw, null, null, null, null, false, null, reason);
    }

    /** True when every token of the cell says "not applicable" (N/A N/A). */
    public static boolean allNotApplicable(String rawCell) {
        List<String> t = tokens(rawCell);
        return !t.isEmpty() && t.stream().allMatch(x -> parse(x).kind() == Kind.NOT_APPLICABLE);
    }

    /** True for a number. */
    public boolean isValue() {
        return kind == Kind.VALUE;
    }
}
