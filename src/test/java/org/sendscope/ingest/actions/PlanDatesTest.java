package org.sendscope.ingest.actions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class PlanDatesTest {

    @Test
    void aDayTheMonthDoesNotHaveIsTheMonthsLastDayWithAWarning() {
        // BCP action 1.7's deadline is written 31/04/24.
        PlanDates.Reading r = PlanDates.read("31/04/24");
        assertEquals(LocalDate.of(2024, 4, 30), r.last());
        assertEquals(1, r.warnings().size());
        assertTrue(r.warnings().get(0).contains("does not exist"), r.warnings().toString());
        assertNull(r.error());
        assertEquals(LocalDate.of(2024, 2, 29), PlanDates.read("31/02/24").last());
    }

    @Test
    void monthsAreTheirFirstDayAsAStartAndTheirLastAsADeadline() {
        // Bedford 1.1.1 "Jul-18"; 1.1.2 "Sept - Nov 18"; Hull "May- 24" and "24-Apr".
        PlanDates.Reading jul = PlanDates.read("Jul-18");
        assertEquals(LocalDate.of(2018, 7, 1), jul.first());
        assertEquals(LocalDate.of(2018, 7, 31), jul.last());
        PlanDates.Reading range = PlanDates.read("Sept - Nov 18");
        assertEquals(LocalDate.of(2018, 9, 1), range.first());
        assertEquals(LocalDate.of(2018, 11, 30), range.last());
        assertEquals(LocalDate.of(2024, 5, 31), PlanDates.read("May- 24").last());
        PlanDates.Reading swapped = PlanDates.read("24-Apr");
        assertEquals(LocalDate.of(2024, 4, 30), swapped.last());
        assertEquals(1, swapped.warnings().size());
        assertEquals(LocalDate.of(2024, 3, 31), PlanDates.read("2024-03-31").last());
        assertEquals(LocalDate.of(2024, 8, 31), PlanDates.read("Review August 2024").last());
    }

    @Test
    void severalDatesGiveTheEarliestStartAndTheLatestDeadline() {
        // BCP 3.15: "Deadline 30/06/24 31/12/24".
        PlanDates.Reading r = PlanDates.read("Deadline 30/06/24 31/12/24");
        assertEquals(2, r.dates());
        assertEquals(LocalDate.of(2024, 6, 30), r.first());
        assertEquals(LocalDate.of(2024, 12, 31), r.last());
    }

    @Test
    void aMonthThatDoesNotExistOrNoDateIsAnErrorAndTbcIsNeither() {
        assertTrue(PlanDates.read("01/00/24").error().contains("not a date"));
        assertNull(PlanDates.read("01/00/24").last());
        assertTrue(PlanDates.read("soon").error().contains("no date"));
        assertNull(PlanDates.read("TBC").error());
        assertNull(PlanDates.read("TBC").last());
        assertNull(PlanDates.read("").error());
    }
}
