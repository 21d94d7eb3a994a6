package org.sendscope.period;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The period labels of DfE's explore-education-statistics files: {@code time_period} with its
 * {@code time_identifier}. A six-digit {@code 201920} is an academic year; for a count as at
 * January it means the January 2020 census. A four-digit year is a calendar year, or the January
 * of that year for a census count.
 */
public final class DfePeriods {
    private static final Pattern ACADEMIC = Pattern.compile("(\\d{4})(\\d{2})");
    private static final Pattern YEAR = Pattern.compile("\\d{4}");

    private DfePeriods() {
    }

    /**
     * The period of a count as at January (a caseload).
     *
     * @param timePeriod {@code 2022} or {@code 202122}
     */
    public static Period census(String timePeriod) {
        String t = timePeriod.trim();
        Matcher a = ACADEMIC.matcher(t);
        if (a.matches()) {
            int start = Integer.parseInt(a.group(1));
            checkConsecutive(t, start, Integer.parseInt(a.group(2)));
            return Period.censusJanuary(start + 1, t);
        }
        if (YEAR.matcher(t).matches()) return Period.censusJanuary(Integer.parseInt(t), t);
        throw new IllegalArgumentException("not a DfE time period: '" + timePeriod + "'");
    }

    /**
     * The period of a flow over a year (requests, new plans): a calendar year for {@code 2021},
     * an academic year for {@code 202021}, a financial year when the identifier says so.
     */
    public static Period flow(String timePeriod, String timeIdentifier) {
        String t = timePeriod.trim();
        String id = timeIdentifier == null ? "" : timeIdentifier.trim().toLowerCase();
        Matcher a = ACADEMIC.matcher(t);
        if (a.matches()) {
            int start = Integer.parseInt(a.group(1));
            checkConsecutive(t, start, Integer.parseInt(a.group(2)));
            return id.startsWith("financial") ? Period.financialYear(start, t) : Period.academicYear(start, t);
        }
        if (YEAR.matcher(t).matches()) {
            int y = Integer.parseInt(t);
            return id.startsWith("financial") ? Period.financialYear(y, t) : Period.calendarYear(y, t);
        }
        throw new IllegalArgumentException("not a DfE time period: '" + timePeriod + "'");
    }

    private static void checkConsecutive(String label, int start, int endTwoDigits) {
        if ((start + 1) % 100 != endTwoDigits) {
            throw new IllegalArgumentException("not a DfE time period: '" + label + "' (years are not consecutive)");
        }
    }
}
