package org.sendscope.ingest.lait;

import java.time.LocalDate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.sendscope.period.DfePeriods;
import org.sendscope.period.Period;
import org.sendscope.period.PeriodKind;

/**
 * LAIT's {@code Years} labels as periods. The label is kept verbatim; a trailing qualifier in
 * brackets ({@code (OT)} outturn, {@code (Rev)} revised, {@code (Final)}) does not change the dates.
 * Shapes: {@code 2016}, {@code 201516}, {@code 2015/16}, {@code 2015-16}, {@code 2014-16},
 * {@code 2014-2016}, {@code 2013/14-15/16}. What a plain year means depends on the measure's
 * {@link LaitYearType}; a shape that type cannot explain is refused with the reason
 * (docs/decisions/0010-lait-measure-codes-and-years.md).
 */
public final class LaitYears {
    private static final Pattern QUALIFIED = Pattern.compile("(.*?)\\s*\\(\\s*([A-Za-z][A-Za-z .]*)\\s*\\)");
    private static final Pattern DASHED = Pattern.compile("(\\d{4})\\s*-\\s*(\\d{2}|\\d{4})");
    private static final Pattern SLASHED_SPAN = Pattern.compile("(\\d{4})/(\\d{2})\\s*-\\s*(\\d{2})/(\\d{2})");

    private LaitYears() {
    }

    /**
     * The period of a label for a measure of the given year type.
     *
     * @param type the measure's year type, or null when the dictionary does not know the measure
     * @throws IllegalArgumentException with the reason, when the label cannot be dated
     */
    public static Period parse(String label, LaitYearType type) {
        if (label == null || label.isBlank()) throw new IllegalArgumentException("empty Years label");
        String core = label.trim();
        Matcher q = QUALIFIED.matcher(core);
        if (q.matches()) core = q.group(1).trim();
        // The DfE's own shapes (2016, 201516, 2015/16, 2015-16) are read by the one DfE rule, except a
        // dashed pair for a calendar-year measure, which is a span of two calendar years (below).
        var dfe = DfePeriods.parse(core).orElse(null);
        if (dfe != null && !(dfe.spansTwo() && core.contains("-") && type == LaitYearType.CALENDAR)) {
            return dfe.spansTwo() ? oneSpanningYear(label, dfe.firstYear(), type) : plainYear(label, dfe.firstYear(), type);
        }
        Matcher m;
        if ((m = DASHED.matcher(core)).matches()) {
            int start = Integer.parseInt(m.group(1));
            int end = fullYear(start, m.group(2));
            if (end == start + 1 && type != LaitYearType.CALENDAR) return oneSpanningYear(label, start, type);
            if (end <= start) throw new IllegalArgumentException("'" + label + "': ends before it starts");
            // A span of calendar years (three-year averages such as road casualties 2014-16).
            if (type == LaitYearType.CALENDAR) {
                return new Period(PeriodKind.MULTI_YEAR, label, LocalDate.of(start, 1, 1), LocalDate.of(end, 12, 31));
            }
            throw new IllegalArgumentException("'" + label + "': a span of years for a measure whose year type is "
                    + describe(type) + " (only calendar-year spans are known)");
        }
        if ((m = SLASHED_SPAN.matcher(core)).matches()) {
            int start = Integer.parseInt(m.group(1));
            requireFollowing(label, start, Integer.parseInt(m.group(2)));
            int lastStart = fullYear(start, m.group(3));
            requireFollowing(label, lastStart, Integer.parseInt(m.group(4)));
            if (lastStart <= start) throw new IllegalArgumentException("'" + label + "': ends before it starts");
            Period first = oneSpanningYear(label, start, type);
            Period last = oneSpanningYear(label, lastStart, type);
            return new Period(PeriodKind.MULTI_YEAR, label, first.start(), last.end());
        }
        throw new IllegalArgumentException("'" + label + "' is not a LAIT Years label");
    }

    /** A plain year: its meaning is the measure's year type. */
    private static Period plainYear(String label, int y, LaitYearType type) {
        if (type == null) {
            throw new IllegalArgumentException("'" + label + "': a plain year needs the measure's Year_Type, "
                    + "and the dictionary does not list the measure");
        }
        return switch (type) {
            case ACADEMIC -> Period.academicYear(y - 1, label);
            case FINANCIAL, YEAR_TO_MARCH -> Period.financialYear(y - 1, label);
            case CALENDAR -> Period.calendarYear(y, label);
            case JANUARY_CENSUS -> Period.censusJanuary(y, label);
            case AT_END_OF_SEPTEMBER -> new Period(PeriodKind.DATE, label, LocalDate.of(y, 9, 30), LocalDate.of(y, 9, 30));
        };
    }

    /** {@code 2015/16}, {@code 2015-16}, {@code 201516}: one academic or financial year. */
    private static Period oneSpanningYear(String label, int start, LaitYearType type) {
        if (type == null) {
            throw new IllegalArgumentException("'" + label + "': academic or financial? the dictionary does not "
                    + "list the measure");
        }
        return switch (type) {
            case ACADEMIC -> Period.academicYear(start, label);
            case FINANCIAL, YEAR_TO_MARCH -> Period.financialYear(start, label);
            default -> throw new IllegalArgumentException("'" + label + "': a year spanning two years for a measure "
                    + "whose year type is " + describe(type));
        };
    }

    private static String describe(LaitYearType type) {
        return type == null ? "unknown" : "'" + type.label() + "'";
    }

    private static void requireFollowing(String label, int start, int endTwoDigits) {
        if ((start + 1) % 100 != endTwoDigits) {
            throw new IllegalArgumentException("'" + label + "': the years are not consecutive");
        }
    }

    /** {@code 16} after 2014 is 2016; {@code 2016} is 2016. */
    private static int fullYear(int start, String digits) {
        if (digits.length() == 4) return Integer.parseInt(digits);
        int y = start / 100 * 100 + Integer.parseInt(digits);
        return y < start ? y + 100 : y;
    }
}
