package org.sendscope.period;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Periods named as people say them, from the labels as published. */
class PeriodNamesTest {
    private static String local(String label) {
        return PeriodNames.of(LocalPeriods.require(label));
    }

    @Test
    void dfeLabelsAsPeopleSayThem() {
        // SEN2's 201920 caseload is the January 2020 census; its flows over 2022 are the calendar year.
        assertEquals("January 2020", PeriodNames.of(DfePeriods.census("201920")));
        assertEquals("January 2023", PeriodNames.of(DfePeriods.census("2023")));
        assertEquals("2022", PeriodNames.of(DfePeriods.flow("2022")));
        assertEquals("2019-20", PeriodNames.of(DfePeriods.flow("201920")));
        assertEquals("2023-24", PeriodNames.of(DfePeriods.financialYear("202324")));
        assertEquals("1999-00", PeriodNames.spanning(1999));
    }

    @Test
    void localLabelsAsPeopleSayThem() {
        assertEquals("Mar 2024", local("Mar-24"));
        assertEquals("Mar 2023", local("March '23"));
        assertEquals("Sep 2022", local("Sept 22"));
        assertEquals("Spring 2023", local("Spring 23"));
        assertEquals("Autumn 2023", local("Autumn 23"));
        assertEquals("HT3 2023-24", local("HT3 23/24"));
        assertEquals("HT1 2023-24", local("HT1 23/24"));
        assertEquals("Q1 2024-25", local("Q1 24/25"));
        assertEquals("Q4 2024-25", local("Q4 24/25"));
        assertEquals("2022-23", local("AY 22/23"));
        assertEquals("2023-24", local("FY 23/24"));
        assertEquals("2022", local("2022"));
        assertEquals("2014-16", PeriodNames.of("multi_year", java.time.LocalDate.of(2014, 1, 1), java.time.LocalDate.of(2016, 12, 31)));
        assertEquals("31 Mar 2024", PeriodNames.of("date", java.time.LocalDate.of(2024, 3, 31), java.time.LocalDate.of(2024, 3, 31)));
    }
}
