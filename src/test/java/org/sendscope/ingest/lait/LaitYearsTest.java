package org.sendscope.ingest.lait;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.sendscope.period.Period;
import org.sendscope.period.PeriodKind;

/** Every Years shape found in LAIT's bds_long.parquet (SELECT DISTINCT Years), and the ones refused. */
class LaitYearsTest {

    private static void dated(String label, LaitYearType type, PeriodKind kind, String start, String end) {
        Period p = LaitYears.parse(label, type);
        assertEquals(kind, p.kind(), label);
        assertEquals(LocalDate.parse(start), p.start(), label);
        assertEquals(LocalDate.parse(end), p.end(), label);
        assertEquals(label, p.label(), "the label is kept verbatim");
    }

    @Test
    void aPlainYearMeansWhatTheMeasuresYearTypeSays() {
        dated("2016", LaitYearType.ACADEMIC, PeriodKind.ACADEMIC_YEAR, "2015-09-01", "2016-08-31");
        dated("2016", LaitYearType.FINANCIAL, PeriodKind.FINANCIAL_YEAR, "2015-04-01", "2016-03-31");
        dated("2016", LaitYearType.YEAR_TO_MARCH, PeriodKind.FINANCIAL_YEAR, "2015-04-01", "2016-03-31");
        dated("2022", LaitYearType.CALENDAR, PeriodKind.CALENDAR_YEAR, "2022-01-01", "2022-12-31");
        dated("2019", LaitYearType.JANUARY_CENSUS, PeriodKind.CENSUS_JANUARY, "2019-01-01", "2019-01-31");
        dated("2017", LaitYearType.AT_END_OF_SEPTEMBER, PeriodKind.DATE, "2017-09-30", "2017-09-30");
    }

    @Test
    void yearsSpanningTwoYearsAreAcademicOrFinancial() {
        dated("2015/16", LaitYearType.ACADEMIC, PeriodKind.ACADEMIC_YEAR, "2015-09-01", "2016-08-31");
        dated("2015-16", LaitYearType.ACADEMIC, PeriodKind.ACADEMIC_YEAR, "2015-09-01", "2016-08-31");
        dated("2016-17", LaitYearType.FINANCIAL, PeriodKind.FINANCIAL_YEAR, "2016-04-01", "2017-03-31");
        dated("201920", LaitYearType.ACADEMIC, PeriodKind.ACADEMIC_YEAR, "2019-09-01", "2020-08-31");
        dated("2022/23", LaitYearType.ACADEMIC, PeriodKind.ACADEMIC_YEAR, "2022-09-01", "2023-08-31");
    }

    @Test
    void aBracketedQualifierKeepsTheDates() {
        dated("2016-17 (OT)", LaitYearType.FINANCIAL, PeriodKind.FINANCIAL_YEAR, "2016-04-01", "2017-03-31");
        dated("2018 (Rev)", LaitYearType.ACADEMIC, PeriodKind.ACADEMIC_YEAR, "2017-09-01", "2018-08-31");
        dated("2020 (Final)", LaitYearType.ACADEMIC, PeriodKind.ACADEMIC_YEAR, "2019-09-01", "2020-08-31");
        dated("2025 (prov)", LaitYearType.CALENDAR, PeriodKind.CALENDAR_YEAR, "2025-01-01", "2025-12-31");
    }

    @Test
    void spansOfYearsAreMultiYearPeriods() {
        dated("2014-16", LaitYearType.CALENDAR, PeriodKind.MULTI_YEAR, "2014-01-01", "2016-12-31");
        dated("2020-22", LaitYearType.CALENDAR, PeriodKind.MULTI_YEAR, "2020-01-01", "2022-12-31");
        dated("2013/14-15/16", LaitYearType.FINANCIAL, PeriodKind.MULTI_YEAR, "2013-04-01", "2016-03-31");
        dated("2019/20-21/22", LaitYearType.FINANCIAL, PeriodKind.MULTI_YEAR, "2019-04-01", "2022-03-31");
        dated("1998/99-00/01", LaitYearType.ACADEMIC, PeriodKind.MULTI_YEAR, "1998-09-01", "2001-08-31");
    }

    @Test
    void labelsThatCannotBeDatedAreRefusedWithTheReason() {
        // '0' is in the real file: 170 rows of CINPermExclusion with no Data item.
        IllegalArgumentException zero = assertThrows(IllegalArgumentException.class,
                () -> LaitYears.parse("0", LaitYearType.ACADEMIC));
        assertTrue(zero.getMessage().contains("'0'"), zero.getMessage());
        assertThrows(IllegalArgumentException.class, () -> LaitYears.parse("2015/17", LaitYearType.ACADEMIC));
        assertThrows(IllegalArgumentException.class, () -> LaitYears.parse("2014-16", LaitYearType.ACADEMIC));
        assertThrows(IllegalArgumentException.class, () -> LaitYears.parse("2016/17", LaitYearType.CALENDAR));
        assertThrows(IllegalArgumentException.class, () -> LaitYears.parse("2016", null));
        assertThrows(IllegalArgumentException.class, () -> LaitYears.parse("Spring 2016", LaitYearType.ACADEMIC));
    }
}
