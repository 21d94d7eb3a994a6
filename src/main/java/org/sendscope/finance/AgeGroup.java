package org.sendscope.finance;

/** The DSG management plan's five age groups (age at 31 August), as SEN2 publishes them. */
public enum AgeGroup {
    UNDER_5("Under 5", "age:under_5"),
    AGE_5_10("Age 5 to 10", "age:5-10"),
    AGE_11_15("Age 11 to 15", "age:11-15"),
    AGE_16_19("Age 16 to 19", "age:16-19"),
    AGE_20_25("Age 20 to 25", "age:20-25");

    private final String label;
    private final String breakdown;

    AgeGroup(String label, String breakdown) {
        this.label = label;
        this.breakdown = breakdown;
    }

    /** As the DSG management plan template heads the column. */
    public String label() {
        return label;
    }

    /** The {@code observations} breakdown of SEN2's age bands. */
    public String breakdown() {
        return breakdown;
    }

    /** True for the post-16 groups, the only ones further education can hold. */
    public boolean post16() {
        return this == AGE_16_19 || this == AGE_20_25;
    }
}
