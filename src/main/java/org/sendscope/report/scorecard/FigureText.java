package org.sendscope.report.scorecard;

import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;

/**
 * A number in words as the scorecard prints it, by the rule of the SQL macro {@code say(value, unit)}
 * that {@code sendscope ask} uses: a percentage to one decimal with '%', a whole number with
 * thousands separators, anything else to one decimal; money with a pound sign.
 */
public final class FigureText {
    private static final DecimalFormatSymbols UK = DecimalFormatSymbols.getInstance(Locale.UK);

    private FigureText() {
    }

    /** {@code value} said in its unit. */
    public static String say(double value, String unit) {
        if ("percent".equals(unit)) return new DecimalFormat("0.0", UK).format(value) + "%";
        String n = value == Math.rint(value) && Math.abs(value) < 1e15
                ? new DecimalFormat("#,##0", UK).format(value)
                : new DecimalFormat("#,##0.0", UK).format(value);
        return "gbp".equals(unit) ? "£" + n : n;
    }
}
