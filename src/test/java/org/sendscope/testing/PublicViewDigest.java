package org.sendscope.testing;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;
import org.sendscope.warehouse.PublicViews;
import org.sendscope.warehouse.Warehouse;

/**
 * The full contents of every public view, as one checksum per view: two digests are equal only if
 * every row of every view is the same. Used to show that a refused file left the warehouse as it was
 * (the audit rows of refused and failed loads in {@code loads} left out).
 */
public final class PublicViewDigest {
    private PublicViewDigest() {
    }

    /** View name → row count and an order-independent checksum of its rows. */
    public static Map<String, String> of(Warehouse w) throws SQLException {
        Map<String, String> digest = new LinkedHashMap<>();
        for (String view : PublicViews.names(w)) {
            // a refused or failed load leaves only its audit row in loads, which is not content
            String rows = view.equals("loads") ? "(SELECT * FROM loads WHERE status NOT IN ('refused', 'failed'))" : view;
            try (Statement s = w.connection().createStatement(); ResultSet rs = s.executeQuery(
                    "SELECT count(*) || ':' || coalesce(CAST(sum(hash(t::VARCHAR)) AS VARCHAR), '') FROM " + rows + " t")) {
                rs.next();
                digest.put(view, rs.getString(1));
            }
        }
        return digest;
    }
}
