package org.sendscope.analysis;

import java.time.LocalDate;
import org.sendscope.period.PeriodKind;

/**
 * When one period comes straight before another, so that a change between them is a change "on
 * the previous period": a year apart for yearly kinds (census, calendar, academic, financial,
 * multi-year), a month for months, three months for quarters. Terms, half terms and dates have no
 * fixed step, so the last one published counts as the previous one. Same rule as the SQL macro
 * {@code consecutive_periods}.
 */
public final class Periods {
    private Periods() {
    }

    /** True when the period starting {@code previousStart} comes straight before the one starting {@code start}. */
    public static boolean consecutive(PeriodKind kind, LocalDate previousStart, LocalDate start) {
        if (previousStart == null || start == null) return false;
        return switch (kind) {
            case CENSUS_JANUARY, CALENDAR_YEAR, ACADEMIC_YEAR, FINANCIAL_YEAR, MULTI_YEAR ->
                    previousStart.plusYears(1).equals(start);
            case MONTH -> previousStart.plusMonths(1).equals(start);
            case QUARTER -> previousStart.plusMonths(3).equals(start);
            default -> true;
        };
    }
}
