package org.sendscope.ingest.lait;

import java.util.Optional;

/**
 * The dictionary's {@code Year_Type} of a LAIT measure: what a plain year such as {@code 2016}
 * means for it (docs/decisions/0010-lait-measure-codes-and-years.md).
 */
public enum LaitYearType {
    /** {@code Academic Year}: 2016 is the academic year 2015/16 (ending in summer 2016). */
    ACADEMIC("Academic Year"),
    /** {@code Financial Year}: 2016 is the year ending 31 March 2016 (2015-16). */
    FINANCIAL("Financial Year"),
    /** {@code Calendar Year}: 2016 is January to December 2016. */
    CALENDAR("Calendar Year"),
    /**
     * {@code Annual}: the children's social care returns (children in need, child protection,
     * children looked after), counted over and at the end of the year ending 31 March.
     */
    YEAR_TO_MARCH("Annual"),
    /** {@code Annual (end of Sept)}: the social work workforce census, as at 30 September. */
    AT_END_OF_SEPTEMBER("Annual (end of Sept)"),
    /** {@code Annual - January}: the school census, January of the year. */
    JANUARY_CENSUS("Annual - January");

    private final String label;

    LaitYearType(String label) {
        this.label = label;
    }

    /** The dictionary's words for this type. */
    public String label() {
        return label;
    }

    /** The type the dictionary's words name, if known. */
    public static Optional<LaitYearType> of(String label) {
        if (label == null) return Optional.empty();
        String l = label.trim();
        for (LaitYearType t : values()) if (t.label.equalsIgnoreCase(l)) return Optional.of(t);
        return Optional.empty();
    }
}
