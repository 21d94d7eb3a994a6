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
 * The content of a warehouse as one digest per base table: two fingerprints are equal only if every
 * row of every table holding data is the same. The audit tables, which record that a load was tried
 * and refused or failed, are left out: a refused load is meant to leave a trace there and nowhere else.
 */
public final class WarehouseFingerprint {
    /** Tables that record attempts rather than content. */
    public static final Set<String> AUDIT_TABLES = Set.of("load_log", "load_reject_log", "load_attempts");

    private WarehouseFingerprint() {
    }

    /** Table name → row count and an order-independent checksum of its rows. */
    public static Map<String, String> of(Warehouse w) throws SQLException {
        List<String> tables = new ArrayList<>();
        try (Statement s = w.connection().createStatement(); ResultSet rs = s.executeQuery(
                "SELECT table_name FROM information_schema.tables WHERE table_schema = 'main' "
                        + "AND table_type = 'BASE TABLE' ORDER BY 1")) {
            while (rs.next()) {
                if (!AUDIT_TABLES.contains(rs.getString(1))) tables.add(rs.getString(1));
            }
        }
        Map<String, String> digest = new TreeMap<>();
        try (Statement s = w.connection().createStatement()) {
            for (String t : tables) {
                try (ResultSet rs = s.executeQuery("SELECT count(*) || ':' || coalesce(CAST(sum(CAST(hash(t) AS HUGEINT)) "
                        + "AS VARCHAR), '') FROM \"" + t + "\" t")) {
                    rs.next();
                    digest.put(t, rs.getString(1));
                }
            }
        }
        return digest;
    }
}
