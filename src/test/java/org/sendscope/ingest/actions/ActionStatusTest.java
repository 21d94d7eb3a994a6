package org.sendscope.ingest.actions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class ActionStatusTest {

    @Test
    void bcpsKeyLettersIncludingItsCyrillicLookAlikes() {
        // The BCP plan's key types А, Р and С in Cyrillic.
        assertEquals(ActionStatus.HIGH_RISK, ActionStatus.read("R"));
        assertEquals(ActionStatus.SIGNIFICANT_RISK, ActionStatus.read("\u0410"));
        assertEquals(ActionStatus.ON_TRACK, ActionStatus.read("\u0420"));
        assertEquals(ActionStatus.ACTIONED, ActionStatus.read("G"));
        assertEquals(ActionStatus.COMPLETED, ActionStatus.read("\u0421"));
        assertEquals(ActionStatus.NOT_STARTED, ActionStatus.read("NS"));
    }

    @Test
    void hullsPhrasesAndTrackerWords() {
        assertEquals(ActionStatus.ON_TRACK, ActionStatus.read("On track no concerns"));
        assertEquals(ActionStatus.ON_TRACK_SOME_CONCERNS, ActionStatus.read("On track some concerns"));
        assertEquals(ActionStatus.ON_TRACK_SOME_CONCERNS, ActionStatus.read("On track - some concerns"));
        assertEquals(ActionStatus.COMPLETED, ActionStatus.read("Completed Embedded Sustained"));
        assertEquals(ActionStatus.NOT_DUE_YET, ActionStatus.read("Not due yet"));
        assertEquals(ActionStatus.SIGNIFICANT_RISK, ActionStatus.read("Amber"));
        assertEquals(ActionStatus.ON_TRACK, ActionStatus.read("Green"));
        assertEquals(ActionStatus.HIGH_RISK, ActionStatus.read("red"));
    }

    @Test
    void aLostColourIsUnknownAndAnUnknownWordIsNoStatus() {
        assertEquals(ActionStatus.UNKNOWN, ActionStatus.read(""));
        assertEquals(ActionStatus.UNKNOWN, ActionStatus.read(null));
        // A direction-of-travel glyph left where the colour was: not a status.
        assertNull(ActionStatus.read("\\Leftrightarrow"));
        assertNull(ActionStatus.read("Purple"));
    }
}
