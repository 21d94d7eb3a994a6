package org.sendscope.period;

import java.time.LocalDate;
import java.time.format.TextStyle;
import java.util.Locale;

/**
 * Periods named as people say them, the one formatter for labels shown to a reader: a census
 * count is "January 2023", a calendar year "2023", an academic or financial year "2022-23", a
 * month "Mar 2024", a term "Spring 2024", a half term "HT3 2023-24", a quarter of a financial year
 * "Q1 2024-25", several years "2014-16", a date "31 Mar 2024". The name comes from the period's kind
 * and dates, never from the label as published ({@code 201920}, {@code March '23}, {@code Dec-23}),
 * which the warehouse keeps verbatim for provenance.
 */
public final class PeriodNames {
    private PeriodNames() {
    }

    /** The name of a period. */
    public static String of(Period p) {
        return of(p.kind(), p.start(), p.end());
    }

    /**
     * The name of a period given as the warehouse stores it.
     *
     * @param kindCode a {@code period_kind} value ({@code census_january}, {@code month}, …)
     */
    public static String of(String kindCode, LocalDate start, LocalDate end) {
        return of(PeriodKind.ofCode(kindCode), start, end);
    }

    /** The name of a period of this kind from its first to its last day. */
    public static String of(PeriodKind kind, LocalDate start, LocalDate end) {
        return switch (kind) {
            case CENSUS_JANUARY -> "January " + start.getYear();
            case CALENDAR_YEAR -> String.valueOf(start.getYear());
            case ACADEMIC_YEAR, FINANCIAL_YEAR -> spanning(start.getYear());
            case MULTI_YEAR -> start.getYear() + "-" + twoDigits(end.getYear());
            case MONTH -> month(start) + " " + start.getYear();
            case TERM -> term(start);
            case HALF_TERM -> halfTerm(start);
            case QUARTER -> quarter(start);
            case DATE -> start.getDayOfMonth() + " " + month(start) + " " + start.getYear();
        };
    }

    /** {@code 2022} → {@code 2022-23}: a year that runs over two calendar years. */
    public static String spanning(int firstYear) {
        return firstYear + "-" + twoDigits(firstYear + 1);
    }

    private static String twoDigits(int year) {
        return String.format("%02d", year % 100);
    }

    private static String month(LocalDate d) {
        return d.getMonth().getDisplayName(TextStyle.SHORT, Locale.UK).substring(0, 3);
    }

    /** Terms as stored by {@link LocalPeriods}: autumn from September, spring from January, summer from April. */
    private static String term(LocalDate start) {
        int m = start.getMonthValue();
        String name = m >= 9 ? "Autumn" : m >= 4 ? "Summer" : "Spring";
        return name + " " + start.getYear();
    }

    /** HT1 starts in September, HT2 November, HT3 January, HT4 March, HT5 May, HT6 June. */
    private static String halfTerm(LocalDate start) {
        int m = start.getMonthValue();
        int n = switch (m) {
            case 9, 10 -> 1;
            case 11, 12 -> 2;
            case 1, 2 -> 3;
            case 3, 4 -> 4;
            case 5 -> 5;
            default -> 6;
        };
        int academicStart = m >= 9 ? start.getYear() : start.getYear() - 1;
        return "HT" + n + " " + spanning(academicStart);
    }

    /** Quarters of the financial year, as councils count them: Q1 is April to June. */
    private static String quarter(LocalDate start) {
        int m = start.getMonthValue();
        int fyStart = m >= 4 ? start.getYear() : start.getYear() - 1;
        int n = m >= 4 ? (m - 4) / 3 + 1 : 4;
        return "Q" + n + " " + spanning(fyStart);
    }
}
