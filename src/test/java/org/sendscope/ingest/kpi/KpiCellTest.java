package org.sendscope.ingest.kpi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.sendscope.period.PeriodKind;

/** The cells listed in ../shared/README.md, read for what they mean. */
class KpiCellTest {

    @Test
    void statusWordsAreStatusesNeverZeros() {
        assertStatus("TBC", "tbc");
        assertStatus("\u0442\u0432\u0441", "tbc"); // 'твс': TBC in Cyrillic look-alikes (Improvement Board scorecard)
        assertStatus("awaiting data", "awaiting_data");
        assertStatus("Data currently being scoped", "being_scoped");
        assertStatus("Being scoped", "being_scoped");
        assertStatus("Not avail", "not_available");
        assertStatus("currently not avail", "not_available");
        assertStatus("-", "-");
        assertEquals(KpiCell.Kind.NOT_APPLICABLE, KpiCell.parse("n/a").kind());
        assertEquals(KpiCell.Kind.NOT_APPLICABLE, KpiCell.parse("N/A").kind());
        assertEquals(KpiCell.Kind.EMPTY, KpiCell.parse("  ").kind());
    }

    private static void assertStatus(String raw, String status) {
        KpiCell c = KpiCell.parse(raw);
        assertEquals(KpiCell.Kind.STATUS, c.kind(), raw);
        assertEquals(status, c.status(), raw);
        assertNull(c.value(), raw);
    }

    @Test
    void numbersAsPapersPrintThem() {
        assertValue("41.6% %", 41.6, "percent");
        assertValue("11.2", 11.2, null);
        assertValue("3.9M", 3_900_000, null);
        assertValue("1,656", 1656, null);
        assertValue("389,171", 389171, null);
        assertValue("36.7wks", 36.7, "weeks");
        assertValue("41.8 wks", 41.8, "weeks");
        assertValue("18mths", 18, "months");
        assertValue("+2pp", 2, "percentage_points");
    }

    private static void assertValue(String raw, double v, String unit) {
        KpiCell c = KpiCell.parse(raw);
        assertEquals(KpiCell.Kind.VALUE, c.kind(), raw);
        assertEquals(v, c.value(), 1e-9, raw);
        assertEquals(unit, c.unit(), raw);
    }

    @Test
    void bracketsGiveThePeriodTheRateOrASecondFigure() {
        KpiCell jan = KpiCell.parse("5 (Jan 24)");
        assertEquals(5, jan.value());
        assertEquals(PeriodKind.MONTH, jan.ownPeriod().kind());
        assertEquals(LocalDate.of(2024, 1, 1), jan.ownPeriod().start());
        KpiCell census = KpiCell.parse("389171 (Jan 23)");
        assertEquals(389171, census.value());
        assertEquals(LocalDate.of(2023, 1, 1), census.ownPeriod().start());
        KpiCell year = KpiCell.parse("47.7% (2022)");
        assertEquals(47.7, year.value());
        assertEquals(PeriodKind.CALENDAR_YEAR, year.ownPeriod().kind());
        KpiCell countAndRate = KpiCell.parse("7 (0.03)");
        assertEquals(7, countAndRate.value());
        assertEquals(0.03, countAndRate.second());
        KpiCell rate = KpiCell.parse("7.78 (rate)");
        assertTrue(rate.rate());
        assertEquals(7.78, rate.value());
        KpiCell rateOnly = KpiCell.parse("(0.02)");
        assertTrue(rateOnly.rate());
        assertEquals(0.02, rateOnly.value());
    }

    @Test
    void unreadableCellsSayWhy() {
        for (String raw : List.of("HT 1-3 = 29", "May 24 (April 2", "6-7mths", "=.070 (Jan 23)", "N7/A", "Below National",
                "1.2% (From Jan 23-Aug 23 = 0%)")) {
            KpiCell c = KpiCell.parse(raw);
            assertEquals(KpiCell.Kind.UNREADABLE, c.kind(), raw);
            assertTrue(c.reason() != null && !c.reason().isBlank(), raw);
        }
    }

    @Test
    void cellsOfRowsRunTogetherSplitIntoTheirValues() {
        assertEquals(List.of("3949", "4.4%"), KpiCell.tokens("3949 4.4%"));
        assertEquals(List.of("389171 (Jan 23)", "4.3% (Jan 23)"), KpiCell.tokens("389171 (Jan 23) 4.3% (Jan 23)"));
        assertEquals(List.of("100%", "awaiting data"), KpiCell.tokens("100% awaiting data"));
        assertEquals(List.of("N/A", "N/A"), KpiCell.tokens("N/A N/A"));
        assertEquals(List.of("12.2%"), KpiCell.tokens("12.2%"));
        assertEquals(List.of("HT 1-3 = 29"), KpiCell.tokens("HT 1-3 = 29"));
    }
}
