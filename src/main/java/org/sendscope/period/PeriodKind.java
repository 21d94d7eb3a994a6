package org.sendscope.period;

import org.sendscope.vocabulary.StoredCode;

/**
 * What kind of time a value refers to. A census count is a point in January; a flow covers a
 * calendar, academic or financial year; local scorecards add months, terms and half terms.
 */
public enum PeriodKind implements StoredCode {
    /** A count as at January (SEN2 caseload, school census): the January of its year. */
    CENSUS_JANUARY,
    /** 1 January – 31 December (SEN2 flows: requests, new plans, timeliness). */
    CALENDAR_YEAR,
    /** 1 September – 31 August. */
    ACADEMIC_YEAR,
    /** 1 April – 31 March. */
    FINANCIAL_YEAR,
    /** Several years together, as LAIT's three-year averages ({@code 2014-16}). */
    MULTI_YEAR,
    /** A calendar month (local scorecards: {@code Dec-23}). */
    MONTH,
    /** A school term: autumn (Sep–Dec), spring (Jan–Mar/Apr), summer (Apr–Aug). */
    TERM,
    /** A half term, HT1…HT6 of an academic year. */
    HALF_TERM,
    /** A quarter of a year. */
    QUARTER,
    /** A single date (a snapshot, "as at"). */
    DATE;

    /** The kind stored as {@code code}. */
    public static PeriodKind ofCode(String code) {
        return StoredCode.parse(PeriodKind.class, code)
                .orElseThrow(() -> new IllegalArgumentException("unknown period kind: " + code));
    }
}
