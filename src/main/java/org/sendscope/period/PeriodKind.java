package org.sendscope.period;

/**
 * What kind of time a value refers to. A census count is a point in January; a flow covers a
 * calendar, academic or financial year; local scorecards add months, terms and half terms.
 */
public enum PeriodKind {
    /** A count as at January (SEN2 caseload, school census): the January of its year. */
    CENSUS_JANUARY("census_january"),
    /** 1 January – 31 December (SEN2 flows: requests, new plans, timeliness). */
    CALENDAR_YEAR("calendar_year"),
    /** 1 September – 31 August. */
    ACADEMIC_YEAR("academic_year"),
    /** 1 April – 31 March. */
    FINANCIAL_YEAR("financial_year"),
    /** Several years together, as LAIT's three-year averages ({@code 2014-16}). */
    MULTI_YEAR("multi_year"),
    /** A calendar month (local scorecards: {@code Dec-23}). */
    MONTH("month"),
    /** A school term: autumn (Sep–Dec), spring (Jan–Mar/Apr), summer (Apr–Aug). */
    TERM("term"),
    /** A half term, HT1…HT6 of an academic year. */
    HALF_TERM("half_term"),
    /** A quarter of a year. */
    QUARTER("quarter"),
    /** A single date (a snapshot, "as at"). */
    DATE("date");

    private final String code;

    PeriodKind(String code) {
        this.code = code;
    }

    /** The name stored in the warehouse's {@code period_kind} column. */
    public String code() {
        return code;
    }

    public static PeriodKind ofCode(String code) {
        for (PeriodKind k : values()) if (k.code.equals(code)) return k;
        throw new IllegalArgumentException("unknown period kind: " + code);
    }
}
