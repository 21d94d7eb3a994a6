package org.sendscope.period;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class LocalPeriodsTest {

    private static void is(String label, PeriodKind kind, String start, String end) {
        Period p = LocalPeriods.require(label);
        assertEquals(kind, p.kind(), label);
        assertEquals(LocalDate.parse(start), p.start(), label);
        assertEquals(LocalDate.parse(end), p.end(), label);
        assertEquals(label.trim(), p.label(), "the label is kept verbatim");
    }

    @Test
    void monthsAsScorecardsWriteThem() {
        is("Dec-23", PeriodKind.MONTH, "2023-12-01", "2023-12-31");
        is("Oct 24", PeriodKind.MONTH, "2024-10-01", "2024-10-31");
        is("Sept 22", PeriodKind.MONTH, "2022-09-01", "2022-09-30");
        is("March '23", PeriodKind.MONTH, "2023-03-01", "2023-03-31");
        is("Dec 2022", PeriodKind.MONTH, "2022-12-01", "2022-12-31");
        is("February 24", PeriodKind.MONTH, "2024-02-01", "2024-02-29");
        is("Dec23", PeriodKind.MONTH, "2023-12-01", "2023-12-31");
    }

    @Test
    void cyrillicLookAlikesAreTheLatinLettersTheyImitate() {
        // М (U+041C), а (U+0430), у (U+0443): as the improvement plan's priority 2 header has it
        is("\u041c\u0430\u0443-24", PeriodKind.MONTH, "2024-05-01", "2024-05-31");
    }

    @Test
    void termsHalfTermsAndYears() {
        is("Spring 23", PeriodKind.TERM, "2023-01-01", "2023-03-31");
        is("Autumn 23", PeriodKind.TERM, "2023-09-01", "2023-12-31");
        is("Summer 24", PeriodKind.TERM, "2024-04-01", "2024-08-31");
        is("HT3 23/24", PeriodKind.HALF_TERM, "2024-01-01", "2024-02-29");
        is("HT1 24/25", PeriodKind.HALF_TERM, "2024-09-01", "2024-10-31");
        is("AY 21/22", PeriodKind.ACADEMIC_YEAR, "2021-09-01", "2022-08-31");
        is("Academic Year (2021/22)", PeriodKind.ACADEMIC_YEAR, "2021-09-01", "2022-08-31");
        is("2022/23", PeriodKind.ACADEMIC_YEAR, "2022-09-01", "2023-08-31");
        is("FY 23/24", PeriodKind.FINANCIAL_YEAR, "2023-04-01", "2024-03-31");
        is("2022", PeriodKind.CALENDAR_YEAR, "2022-01-01", "2022-12-31");
    }

    @Test
    void quartersOfTheFinancialYear() {
        is("Q1 24/25", PeriodKind.QUARTER, "2024-04-01", "2024-06-30");
        is("Q2 2024/25", PeriodKind.QUARTER, "2024-07-01", "2024-09-30");
        is("Q3 2023-24", PeriodKind.QUARTER, "2023-10-01", "2023-12-31");
        is("Q4 FY23/24", PeriodKind.QUARTER, "2024-01-01", "2024-03-31");
        is("2024/25 Q2", PeriodKind.QUARTER, "2024-07-01", "2024-09-30");
        // before quarters were read, "Q1 2024/25" was found as the academic year 2024/25
        assertEquals(PeriodKind.QUARTER, LocalPeriods.find("Q1 2024/25").orElseThrow().kind());
        // a quarter without its financial year could be either calendar's: not guessed
        assertTrue(LocalPeriods.parse("Q1 2024").isEmpty());
        assertTrue(LocalPeriods.parse("Q5 24/25").isEmpty());
        assertTrue(LocalPeriods.parse("Q1 24/26").isEmpty());
    }

    @Test
    void headersNameTheirPeriodInsideOtherWords() {
        assertEquals(LocalDate.parse("2024-03-01"), LocalPeriods.find("Current Month Performance - Mar 24").orElseThrow().start());
        assertEquals(PeriodKind.TERM, LocalPeriods.find("Prev. Term Performance Summer 23").orElseThrow().kind());
        assertEquals(PeriodKind.ACADEMIC_YEAR, LocalPeriods.find("Annual benchmark Academic Yr 22/23").orElseThrow().kind());
        assertEquals(PeriodKind.ACADEMIC_YEAR, LocalPeriods.find("National (2022/23)").orElseThrow().kind());
        assertEquals(PeriodKind.TERM, LocalPeriods.find("Autumn 22 (Rate)").orElseThrow().kind());
    }

    @Test
    void wordsThatAreNotPeriods() {
        for (String s : new String[] {"", "Ref", "National", "BCP Target", "Required Direction of Travel", "HT 1-3 = 29",
                "2022/24", "Smarch 23", "HT7 23/24"}) {
            assertTrue(LocalPeriods.parse(s).isEmpty(), s);
        }
    }
}
