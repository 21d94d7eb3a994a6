package org.sendscope.testing;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.sendscope.warehouse.PublicViews;
import org.sendscope.warehouse.Warehouse;

/**
 * A fingerprint of every public view's rows, to show that a refused load changed nothing (the audit
 * rows of refused and failed loads in {@code loads} left out).
 *
 * <p>Reading every view takes seconds (tens of seconds on the shared releases with neighbours and
 * papers) while a checksum of every base table takes a fraction of one, and the views are functions
 * of the tables and of their own definitions only (none reads the clock, a random number or a
 * file). So the views' fingerprint is remembered against a checksum of every base table, audit
 * tables included, and of every view's and macro's SQL: the same tables and definitions give the
 * same fingerprint without reading the views again; any change to either reads them again.
 * docs/decisions/0137.
 */
public final class ViewsDigest {
    private static final Map<String, Map<String, String>> SEEN = Collections.synchronizedMap(
            new LinkedHashMap<>(16, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, Map<String, String>> eldest) {
                    return size() > 32;
                }
            });

    /** How many times the views were read, for the test that the remembered fingerprint is used. */
    static int reads;

    private ViewsDigest() {
    }

    /** View name → row count and a digest of all its rows. */
    public static Map<String, String> of(Warehouse w) throws SQLException {
        String tables = tablesAndDefinitions(w);
        Map<String, String> seen = SEEN.get(tables);
        if (seen != null) return new LinkedHashMap<>(seen);
        Map<String, String> m = read(w);
        SEEN.put(tables, Map.copyOf(m));
        return m;
    }

    /** Reads every public view. */
    static Map<String, String> read(Warehouse w) throws SQLException {
        reads++;
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

    /** Every base table's row count and checksum, and every view's and macro's SQL, as one key. */
    static String tablesAndDefinitions(Warehouse w) throws SQLException {
        StringBuilder key = new StringBuilder();
        try (Statement s = w.connection().createStatement()) {
            try (ResultSet rs = s.executeQuery("SELECT schema_name, view_name, sql FROM duckdb_views() "
                    + "WHERE NOT internal ORDER BY 1, 2")) {
                while (rs.next()) key.append("view ").append(rs.getString(1)).append('.').append(rs.getString(2))
                        .append(' ').append(rs.getString(3)).append('\n');
            }
            try (ResultSet rs = s.executeQuery("SELECT schema_name, function_name, coalesce(macro_definition, ''), "
                    + "CAST(parameters AS VARCHAR) FROM duckdb_functions() WHERE NOT internal ORDER BY 1, 2, 3, 4")) {
                while (rs.next()) key.append("function ").append(rs.getString(1)).append('.').append(rs.getString(2))
                        .append('(').append(rs.getString(4)).append(") ").append(rs.getString(3)).append('\n');
            }
            java.util.List<String[]> tables = new java.util.ArrayList<>();
            try (ResultSet rs = s.executeQuery("SELECT schema_name, table_name FROM duckdb_tables() "
                    + "WHERE NOT internal ORDER BY 1, 2")) {
                while (rs.next()) tables.add(new String[] {rs.getString(1), rs.getString(2)});
            }
            for (String[] t : tables) {
                String name = "\"" + t[0].replace("\"", "\"\"") + "\".\"" + t[1].replace("\"", "\"\"") + "\"";
                try (ResultSet rs = s.executeQuery("SELECT count(*) || ':' || coalesce(CAST(sum(CAST(hash(t) AS HUGEINT)) "
                        + "AS VARCHAR), '') FROM " + name + " t")) {
                    rs.next();
                    key.append("table ").append(name).append(' ').append(rs.getString(1)).append('\n');
                }
            }
        }
        return key.toString();
    }
}
