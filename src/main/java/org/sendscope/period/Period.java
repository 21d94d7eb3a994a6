package org.sendscope.period;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Objects;

/**
 * A period as the warehouse stores it: its kind, the label as published, and its first and last
 * day. The label is kept verbatim for provenance; analysis uses the dates.
 */
public record Period(PeriodKind kind, String label, LocalDate start, LocalDate end) {

    public Period {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        if (end.isBefore(start)) throw new IllegalArgumentException(label + ": ends before it starts");
    }

    /** The January census of {@code year} (the whole month of January). */
    public static Period censusJanuary(int year, String label) {
        return new Period(PeriodKind.CENSUS_JANUARY, label, LocalDate.of(year, 1, 1), LocalDate.of(year, 1, 31));
    }

    /** Calendar year {@code year}: 1 January to 31 December. */
    public static Period calendarYear(int year, String label) {
        return new Period(PeriodKind.CALENDAR_YEAR, label, LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31));
    }

    /** The academic year that starts in September of {@code startYear}. */
    public static Period academicYear(int startYear, String label) {
        return new Period(PeriodKind.ACADEMIC_YEAR, label, LocalDate.of(startYear, 9, 1),
                LocalDate.of(startYear + 1, 8, 31));
    }

    /** The financial year that starts in April of {@code startYear}. */
    public static Period financialYear(int startYear, String label) {
        return new Period(PeriodKind.FINANCIAL_YEAR, label, LocalDate.of(startYear, 4, 1),
                LocalDate.of(startYear + 1, 3, 31));
    }

    /** A calendar month. */
    public static Period month(YearMonth month, String label) {
        return new Period(PeriodKind.MONTH, label, month.atDay(1), month.atEndOfMonth());
    }

    /** The kind's code as stored in the warehouse. */
    public String kindCode() {
        return kind.code();
    }

    /** The same period under another label. */
    public Period withLabel(String newLabel) {
        return new Period(kind, newLabel, start, end);
    }
}
