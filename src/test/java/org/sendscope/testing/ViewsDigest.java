package org.sendscope.testing;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;
import org.sendscope.warehouse.PublicViews;
import org.sendscope.warehouse.Warehouse;

/**
 * A fingerprint of every public view's rows, to show that a refused load changed nothing (the audit
 * rows of refused and failed loads in {@code loads} left out).
 */
public final class ViewsDigest {
    private ViewsDigest() {
    }

    /** View name → row count and a digest of all its rows. */
    public static Map<String, String> of(Warehouse w) throws SQLException {
        Map<String, String> m = new LinkedHashMap<>();
        try (Statement s = w.connection().createStatement()) {
            for (String v : PublicViews.names(w)) {
                // an order-independent digest: the count and the sum of the rows' hashes
                // a refused or failed load leaves only its audit row in loads, which is not content
                String rows = v.equals("loads") ? "(SELECT * FROM loads WHERE status NOT IN ('refused', 'failed'))" : v;
                try (ResultSet rs = s.executeQuery("SELECT count(*) || ':' || coalesce(CAST(sum(CAST(hash(t) AS HUGEINT)) "
                        + "AS VARCHAR), '') FROM " + rows + " t")) {
                    rs.next();
                    m.put(v, rs.getString(1));
                }
            }
        }
        return m;
    }
}
