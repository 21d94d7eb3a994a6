package org.sendscope.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.sendscope.warehouse.Warehouse;

/** The declared ranges, the strict number syntax in Java and in SQL, and the date rules. */
class PlausibilityTest {

    @Test
    void numbersAreReadStrictly() {
        assertEquals(15.0, Numbers.parse("15"));
        assertEquals(1234567.5, Numbers.parse("1,234,567.5"));
        assertEquals(-2.5, Numbers.parse(" -2.5 "));
        assertEquals(29331113.9, Numbers.parse("2.93311139E7"), 1e-6);
        // 1,5 used to be read as 15
        assertNull(Numbers.parse("1,5"));
        assertNull(Numbers.parse("12,34"));
        assertNull(Numbers.parse("NaN"));
        assertNull(Numbers.parse("inf"));
        assertNull(Numbers.parse("Infinity"));
        assertNull(Numbers.parse("1e400"));
        assertTrue(Numbers.whyNot("1,5").startsWith("a decimal comma? write 1.5"));
        assertEquals("NaN is not a number", Numbers.whyNot("NaN"));
        assertEquals("an infinity is not a number", Numbers.whyNot("-inf"));
        assertEquals("too large to be a number (overflows a double)", Numbers.whyNot("1e400"));
    }

    @Test
    void theSqlMacroReadsNumbersAsJavaDoes() throws Exception {
        String macros = Files.readString(Path.of("sql/views/000_macros.sql"));
        assertTrue(macros.contains("'" + Numbers.PATTERN + "'"), "gss_number must use Numbers.PATTERN");
        try (Warehouse w = Warehouse.inMemory();
             PreparedStatement p = w.connection().prepareStatement("SELECT gss_number(?), gss_status(?)")) {
            for (String raw : new String[] {"15", "1,234", "-2.5", "1e3", "1,5", "NaN", "inf", "1e400", "c", "abc", ".5"}) {
                p.setString(1, raw);
                p.setString(2, raw);
                try (ResultSet rs = p.executeQuery()) {
                    rs.next();
                    Double sql = rs.getObject(1) == null ? null : rs.getDouble(1);
                    assertEquals(Numbers.parse(raw), sql, raw);
                    if (Numbers.parse(raw) == null && !raw.equals("c")) assertNull(rs.getString(2), raw);
                }
            }
        }
    }

    @Test
    void unitsGiveRangesAndMeasuresRefineThem() {
        Plausibility rules = Plausibility.bundled();
        Plausibility.Range count = rules.rangeOf("ehc_plans", "count");
        assertTrue(count.breach(-3).isPresent());
        assertTrue(count.breach(12.5).isPresent());
        assertFalse(count.breach(0).isPresent());
        Plausibility.Range pct = rules.rangeOf("ehc_20wk_pct_incl_exc", "percent");
        assertTrue(pct.breach(150).get().contains("a percentage is between 0 and 100"));
        assertFalse(pct.breach(100).isPresent());
        // a measure row: a DSG balance is negative in deficit; FTE is a count that need not be whole
        assertFalse(rules.rangeOf("dsg_cumulative_balance_pct_income", "percent").breach(-15.06).isPresent());
        assertTrue(rules.rangeOf("dsg_cumulative_balance_pct_income", "percent").breach(-150).isPresent());
        assertFalse(rules.rangeOf("lait_work_force_nosw", "count").breach(31852.3).isPresent());
        assertTrue(rules.rangeOf("lait_work_force_nosw", "count").breach(-1).isPresent());
        // a pair row keeps its unit's range and names its denominator
        Plausibility.Range within = rules.rangeOf("ehc_20wk_within_incl_exc", "count");
        assertEquals("ehc_20wk_plans_incl_exc", within.atMost());
        assertTrue(within.breach(-1).get().contains("a count is a whole number"));
        assertEquals(Plausibility.Outside.REJECT, rules.rangeOf("lait_pct_3_and_4yr_olds", "percent").outside());
        assertEquals(Plausibility.Outside.REFUSE, rules.rangeOf("lait_any_undeclared_percentage", "percent").outside());
        // no unit known: any finite number
        assertFalse(rules.rangeOf("local_something", null).breach(-1e9).isPresent());
        assertTrue(rules.rangeOf("local_something", null).breach(Double.NaN).isPresent());
    }

    @Test
    void valuesDescribeThePastAndPlanDatesAreWarnedOutside1990To2100() {
        assertEquals(LocalDate.of(2022, 12, 31), Plausibility.latestPeriodStart("2022"));
        assertEquals(LocalDate.of(2024, 7, 24), Plausibility.latestPeriodStart("2024-07-24"));
        assertEquals(LocalDate.now(), Plausibility.latestPeriodStart("2999"));
        assertEquals(LocalDate.now(), Plausibility.latestPeriodStart(null));
        assertTrue(Plausibility.planDateWarning(LocalDate.of(0, 1, 1)).get().contains("outside 1990–2100"));
        assertTrue(Plausibility.planDateWarning(LocalDate.of(2101, 1, 1)).isPresent());
        assertFalse(Plausibility.planDateWarning(LocalDate.of(2026, 3, 31)).isPresent());
    }
}
