package org.sendscope.warehouse;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/** The warehouse's public views: every view in the main schema (tables are internal). */
public final class PublicViews {
    private PublicViews() {
    }

    /** The names of the public views, sorted. */
    public static List<String> names(Warehouse w) throws SQLException {
        List<String> names = new ArrayList<>();
        try (Statement s = w.connection().createStatement(); ResultSet rs = s.executeQuery(
                "SELECT view_name FROM duckdb_views() WHERE NOT internal AND schema_name = 'main' ORDER BY view_name")) {
            while (rs.next()) names.add(rs.getString(1));
        }
        return names;
    }
}
