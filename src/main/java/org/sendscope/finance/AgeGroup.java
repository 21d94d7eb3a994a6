package org.sendscope.finance;

import org.sendscope.breakdown.Breakdown;
import org.sendscope.breakdown.Breakdowns;

/**
 * The DSG management plan's five age groups (age at 31 August): SEN2's age bands, whose codes,
 * limits and labels are in the breakdowns reference.
 */
public enum AgeGroup {
    UNDER_5("age:under_5"),
    AGE_5_10("age:5-10"),
    AGE_11_15("age:11-15"),
    AGE_16_19("age:16-19"),
    AGE_20_25("age:20-25");

    private final Breakdown band;

    AgeGroup(String breakdown) {
        this.band = Breakdowns.require(breakdown);
    }

    /** As the DSG management plan template heads the column. */
    public String label() {
        return band.label();
    }

    /** The {@code observations} breakdown of SEN2's age bands. */
    public String breakdown() {
        return band.code();
    }

    /** True for the post-16 groups, the only ones further education can hold. */
    public boolean post16() {
        return band.ageFrom() >= 16;
    }
}
