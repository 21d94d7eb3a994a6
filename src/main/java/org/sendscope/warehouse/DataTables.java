package org.sendscope.warehouse;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * The base tables whose rows belong to a load (they carry a {@code load_id}), found from the
 * catalogue so that a new feature's tables take part in re-loads and clean-ups without registering
 * anywhere. The audit log (load_log, load_reject_log, load_part_log, load_release_log) is not among them: it
 * is kept; nor are the marts ({@link Marts}), which are computed from the others.
 */
public final class DataTables {
    private DataTables() {
    }

    /** Their names, sorted. */
    public static List<String> names(Connection c) throws SQLException {
        List<String> tables = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("""
                SELECT c.table_name FROM information_schema.columns c
                JOIN information_schema.tables t USING (table_schema, table_name)
                WHERE c.column_name = 'load_id' AND t.table_type = 'BASE TABLE' AND c.table_schema = 'main'
                  AND c.table_name NOT IN ('load_log', 'load_reject_log', 'load_part_log', 'load_release_log')
                  AND c.table_name NOT LIKE 'mart\\_%' ESCAPE '\\'
                ORDER BY 1""")) {
            while (rs.next()) tables.add(rs.getString(1));
        }
        return tables;
    }
}
