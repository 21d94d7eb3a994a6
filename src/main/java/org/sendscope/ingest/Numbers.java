package org.sendscope.ingest;

import java.util.regex.Pattern;

/**
 * How a published number is written, read strictly: digits with an optional sign, decimal point
 * and exponent, or with commas that separate thousands ({@code 1,234,567}). Anything else is not a
 * number — in particular a decimal comma ({@code 1,5} is not fifteen), {@code NaN}, infinities and
 * figures too large for a double. The SQL macros {@code gss_number} (sql/views/000_macros.sql)
 * apply the same pattern; a test keeps the two in step.
 */
public final class Numbers {
    /** The pattern, as a regular expression both Java and DuckDB read the same way. */
    public static final String PATTERN = "[+-]?([0-9]+([.][0-9]*)?|[.][0-9]+)([eE][+-]?[0-9]+)?"
            + "|[+-]?[0-9]{1,3}(,[0-9]{3})+([.][0-9]+)?";
    private static final Pattern NUMBER = Pattern.compile(PATTERN);
    private static final Pattern DECIMAL_COMMA = Pattern.compile("[+-]?[0-9]*,[0-9]+");

    private Numbers() {
    }

    /** The number the text writes, or null when it is not a number as above. */
    public static Double parse(String raw) {
        if (raw == null) return null;
        String t = raw.strip();
        if (!NUMBER.matcher(t).matches()) return null;
        double v = Double.parseDouble(t.replace(",", ""));
        return Double.isFinite(v) ? v : null;
    }

    /** Why a text is not a number, in a few words a person can act on. */
    public static String whyNot(String raw) {
        String t = raw == null ? "" : raw.strip();
        if (t.isEmpty()) return "empty cell";
        String lower = t.toLowerCase(java.util.Locale.ROOT);
        if (lower.matches("[+-]?nan")) return "NaN is not a number";
        if (lower.matches("[+-]?(inf|infinity|∞)")) return "an infinity is not a number";
        if (NUMBER.matcher(t).matches()) return "too large to be a number (overflows a double)";
        if (DECIMAL_COMMA.matcher(t).matches() || t.matches("[+-]?[0-9]{1,3}(,[0-9]{3})*,[0-9]{1,2}|[+-]?[0-9]+,[0-9]{4,}")) {
            return "a decimal comma? write " + t.replace(",", ".") + " (a comma may only separate thousands, as in 1,234)";
        }
        return "not a number";
    }
}
