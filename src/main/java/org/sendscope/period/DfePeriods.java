package org.sendscope.period;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one reading of the Department for Education's year labels, used by every loader and, as the
 * macros {@code dfe_first_year}, {@code dfe_census_year}, {@code dfe_flow_*} and
 * {@code dfe_financial_*} of {@code sql/views/000_macros.sql}, by SQL (a test checks that both give
 * the same answer on every label in the published files).
 *
 * <p>A label is one year ({@code 2019}) or one year spanning two ({@code 201920}, {@code 2019-20},
 * {@code 2019/20}: the last two digits must follow the first year). What the year is depends on the
 * figure: a count as at January ({@link #census}) is the January census of the year
 * ({@code 201920} → January 2020, the census in academic year 2019/20); a flow ({@link #flow}) over
 * a plain year is a calendar year and over a spanning year an academic year; finance files'
 * spanning years are financial years ({@link #financialYear}). See docs/decisions/0004 and 0120.
 */
public final class DfePeriods {
    private static final Pattern LABEL = Pattern.compile("(\\d{4})(?:[-/]?(\\d{2}))?");

    /**
     * A parsed label.
     *
     * @param firstYear the year the label starts in ({@code 2019} for {@code 201920})
     * @param spansTwo  true for a label such as {@code 201920} that covers parts of two years
     */
    public record Year(int firstYear, boolean spansTwo) {
        /** The year of the January a census count with this label refers to. */
        public int censusYear() {
            return spansTwo ? firstYear + 1 : firstYear;
        }
    }

    private DfePeriods() {
    }

    /** The label read, or empty when it is not a DfE year label. Surrounding spaces are ignored. */
    public static Optional<Year> parse(String label) {
        if (label == null) return Optional.empty();
        Matcher m = LABEL.matcher(label.trim());
        if (!m.matches()) return Optional.empty();
        int first = Integer.parseInt(m.group(1));
        if (m.group(2) == null) return Optional.of(new Year(first, false));
        if ((first + 1) % 100 != Integer.parseInt(m.group(2))) return Optional.empty();
        return Optional.of(new Year(first, true));
    }

    /** The label read; refused with the reason when it is not a DfE year label. */
    public static Year require(String label) {
        return parse(label).orElseThrow(() -> new IllegalArgumentException("not a DfE time period: '" + label
                + "' (expected 2022, or 202122 with consecutive years)"));
    }

    /** The January census year of a count ({@code 2022} and {@code 202122} are January 2022). */
    public static int censusYear(String label) {
        return require(label).censusYear();
    }

    /**
     * The period of a count as at January (a caseload).
     *
     * @param label {@code 2022} or {@code 202122}
     */
    public static Period census(String label) {
        return Period.censusJanuary(censusYear(label), label.trim());
    }

    /**
     * The period of a flow over a year (requests, new plans): a calendar year for {@code 2021}, an
     * academic year for {@code 202021}.
     */
    public static Period flow(String label) {
        Year y = require(label);
        return y.spansTwo() ? Period.academicYear(y.firstYear(), label.trim())
                : Period.calendarYear(y.firstYear(), label.trim());
    }

    /**
     * The financial year of a finance file's label ({@code 201920}, {@code 2019-20}: April 2019 –
     * March 2020), or null when the label is not a spanning year.
     */
    public static Period financialYear(String label) {
        Year y = parse(label).orElse(null);
        if (y == null || !y.spansTwo()) return null;
        return Period.financialYear(y.firstYear(), label.trim());
    }
}
