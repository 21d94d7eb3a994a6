package org.sendscope.ingest.ees;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.sendscope.ees.Outdated;
import org.sendscope.warehouse.Warehouse;

/** The EES data sets a warehouse holds, each at the version in force (view {@code ees_data_sets}). */
public final class EesHoldings {
    private EesHoldings() {
    }

    /** Every EES data set loaded and in force, by id. */
    public static List<Outdated.Held> of(Warehouse w) {
        List<Outdated.Held> held = new ArrayList<>();
        try (Statement s = w.connection().createStatement(); ResultSet rs = s.executeQuery(
                "SELECT data_set_id, data_set_title, version FROM ees_data_sets ORDER BY data_set_id")) {
            while (rs.next()) held.add(new Outdated.Held(rs.getString(1), rs.getString(2), rs.getString(3)));
        } catch (SQLException e) {
            throw org.sendscope.warehouse.WarehouseException.internal("cannot read ees_data_sets: " + e.getMessage(), e);
        }
        return held;
    }
}
