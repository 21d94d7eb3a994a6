package org.sendscope.testing;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.sendscope.warehouse.Warehouse;

/**
 * The content of a warehouse as one checksum per base table, to show that a refused or failed load
 * left it as it was: two digests are equal only if every stored row is the same. Every public view
 * is computed from these tables, so equal digests mean equal views, without computing the views
 * (which over the SEN2 releases takes minutes, and whose floating-point averages may differ in the
 * last bit from one computation to the next). In the audit tables the rows of refused and failed
 * loads are left out: such a load is meant to leave a trace there and nowhere else.
 */
public final class WarehouseDigest {
    /** Tables that record the attempts to load as well as the loads in force. */
    static final Set<String> AUDIT_TABLES = Set.of("load_log", "load_reject_log", "load_part_log");

    private WarehouseDigest() {
    }

    /** Table name → row count and an order-independent checksum of its rows. */
    public static Map<String, String> of(Warehouse w) throws SQLException {
        List<String> tables = new ArrayList<>();
        try (Statement s = w.connection().createStatement(); ResultSet rs = s.executeQuery(
                "SELECT table_name FROM information_schema.tables WHERE table_schema = 'main' "
                        + "AND table_type = 'BASE TABLE' ORDER BY 1")) {
            while (rs.next()) tables.add(rs.getString(1));
        }
        Map<String, String> digest = new TreeMap<>();
        try (Statement s = w.connection().createStatement()) {
            for (String t : tables) {
                String where = AUDIT_TABLES.contains(t)
                        ? " WHERE load_id NOT IN (SELECT load_id FROM load_log WHERE status IN ('refused', 'failed'))" : "";
                try (ResultSet rs = s.executeQuery("SELECT count(*) || ':' || coalesce(CAST(sum(CAST(hash(t) AS HUGEINT)) "
                        + "AS VARCHAR), '') FROM \"" + t + "\" t" + where)) {
                    rs.next();
                    digest.put(t, rs.getString(1));
                }
            }
        }
        return digest;
    }
}
