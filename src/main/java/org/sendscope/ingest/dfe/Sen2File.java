package org.sendscope.ingest.dfe;

/**
 * One data file of a SEN2 release: its name (without {@code .csv}), whether its figures are a
 * January count or a flow over the year, and how a row names its breakdown.
 */
record Sen2File(String name, Timing timing, RowBreakdown rows) {

    /** A count as at January (caseload) or a flow during the year (requests, new plans, ...). */
    enum Timing { CENSUS, FLOW }

    /** Where a row's own breakdown comes from. */
    enum RowBreakdown {
        /** {@code characteristic_age}: Total, Under 5, Age 5 to 10, ... (2022 release). */
        AGE_BAND,
        /** {@code establishment_type} within {@code establishment_group} (2022 release). */
        ESTABLISHMENT,
        /** {@code breakdown_topic} and {@code breakdown} (2025 release). */
        TOPIC,
        /** Every row is the headline total. */
        NONE
    }
}
