package org.sendscope.ingest.finance;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * The two DSG measures and their descriptions, written with each load that carries them.
 */
final class DsgMeasures {
    static final String SOURCE = "dsg";
    /** DSG cumulative balance as a percentage of total income; negative is a deficit. */
    static final String BALANCE_PCT = "dsg_cumulative_balance_pct_income";
    /** Total Dedicated Schools Grant allocation in pounds. */
    static final String ALLOCATION = "dsg_allocation";

    private DsgMeasures() {
    }

    /** The plausible range of a DSG measure (plausibility.tsv). */
    static org.sendscope.ingest.Plausibility.Range range(String measure) {
        return org.sendscope.ingest.Plausibility.bundled().rangeOf(measure, measure.equals(ALLOCATION) ? "gbp" : "percent");
    }

    static void describeBalance(Connection c, long loadId) throws SQLException {
        describe(c, loadId, BALANCE_PCT, "DSG cumulative balance as % of total income", "percent", "higher_is_better",
                "The LA's cumulative Dedicated Schools Grant balance at the end of the financial year as a percentage of "
                        + "its total DSG income. A deficit is negative (-5 means a cumulative deficit of 5% of income), "
                        + "so higher is better. Source: DfE dsg_deficit_derived (the file's 'deficit' column is the same "
                        + "figure with the sign reversed and is not loaded).");
    }

    static void describeAllocation(Connection c, long loadId) throws SQLException {
        describe(c, loadId, ALLOCATION, "Total DSG allocation", "gbp", "neutral",
                "Total Dedicated Schools Grant allocated to the LA for the financial year (all four blocks, £, as "
                        + "published in the DSG allocations table of that year). Source: DfE DSG_by_year.");
    }

    private static void describe(Connection c, long loadId, String measure, String title, String unit, String polarity,
                                 String definition) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("INSERT INTO measure_fact (measure, title, unit, polarity, source, "
                + "definition, comparable_with, topic, load_id) VALUES (?, ?, ?, ?, ?, ?, NULL, 'High needs and DSG', ?)")) {
            p.setString(1, measure);
            p.setString(2, title);
            p.setString(3, unit);
            p.setString(4, polarity);
            p.setString(5, SOURCE);
            p.setString(6, definition);
            p.setLong(7, loadId);
            p.executeUpdate();
        }
    }
}
