package org.sendscope.ingest;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a new load would remove from the warehouse by superseding the earlier load of its scope:
 * a file (part) the earlier load had, a measure, an area, or more than {@link #SMALL_SHARE} of the
 * rows of a table or of a file. Compared after the new rows are written and before the old are
 * deleted, inside the load's transaction (docs/decisions/0081-no-silent-shrink.md).
 */
final class DataLoss {
    /** The share of an earlier load's rows that a replacement may drop without a word. */
    static final double SMALL_SHARE = 0.05;
    private static final int SHOWN = 5;

    private DataLoss() {
    }

    /**
     * The loads a new load supersedes, id → file name: the earlier loads of its scope still in
     * force, and (only reached when replacing) a load of the same bytes under another scope.
     */
    static Map<Long, String> earlierLoads(Connection c, String source, String scope, String sha256, long newId)
            throws SQLException {
        Map<Long, String> m = new LinkedHashMap<>();
        try (PreparedStatement p = c.prepareStatement("SELECT load_id, file_name FROM load_log WHERE status = 'loaded' "
                + "AND load_id <> ? AND (scope = ? OR (source = ? AND sha256 = ?)) ORDER BY load_id")) {
            p.setLong(1, newId);
            p.setString(2, scope);
            p.setString(3, source);
            p.setString(4, sha256);
            try (ResultSet rs = p.executeQuery()) {
                while (rs.next()) m.put(rs.getLong(1), rs.getString(2));
            }
        }
        return m;
    }

    /** Each thing that would be lost, in words, files first; empty when the new load keeps everything. */
    static List<String> find(Connection c, List<Long> earlier, long newId, List<String> dataTables) throws SQLException {
        List<String> lost = new ArrayList<>();
        String old = earlier.stream().map(String::valueOf).reduce((a, b) -> a + ", " + b).orElseThrow();
        try (Statement s = c.createStatement()) {
            lostParts(s, old, newId, lost);
            List<String> measures = new ArrayList<>();
            List<String> areas = new ArrayList<>();
            List<String> rows = new ArrayList<>();
            for (String table : dataTables) {
                List<String> columns = columns(s, table);
                if (columns.contains("measure")) measures.add(table);
                if (columns.contains("area_code")) areas.add(table);
                try (ResultSet rs = s.executeQuery("SELECT count(*) FILTER (WHERE load_id IN (" + old + ")), "
                        + "count(*) FILTER (WHERE load_id = " + newId + ") FROM " + table
                        + " WHERE load_id IN (" + old + ", " + newId + ")")) {
                    rs.next();
                    long before = rs.getLong(1);
                    long after = rs.getLong(2);
                    if (shrinks(before, after)) {
                        rows.add(String.format("%,d of %,d rows of %s", before - after, before, words(table)));
                    }
                }
            }
            lostValues(s, measures, "measure", "measures", old, newId, lost);
            lostValues(s, areas, "area_code", "areas", old, newId, lost);
            lost.addAll(rows);
        }
        return lost;
    }

    private static boolean shrinks(long before, long after) {
        return before > 0 && after < before * (1 - SMALL_SHARE);
    }

    /** Files the earlier load had and this one lacks, or which now give far fewer values. */
    private static void lostParts(Statement s, String old, long newId, List<String> lost) throws SQLException {
        try (ResultSet rs = s.executeQuery("SELECT o.part, sum(o.rows_loaded), n.rows_loaded FROM load_part_log o "
                + "LEFT JOIN load_part_log n ON n.part = o.part AND n.load_id = " + newId
                + " WHERE o.load_id IN (" + old + ") GROUP BY o.part, n.rows_loaded ORDER BY o.part")) {
            List<String> missing = new ArrayList<>();
            while (rs.next()) {
                long before = rs.getLong(2);
                long after = rs.getLong(3);
                if (rs.wasNull()) missing.add(rs.getString(1));
                else if (shrinks(before, after)) {
                    lost.add(String.format("%,d of %,d values of %s", before - after, before, rs.getString(1)));
                }
            }
            if (!missing.isEmpty()) lost.add(0, (missing.size() == 1 ? "file " : "files ") + shown(missing, missing.size()));
        }
    }

    /**
     * Values of {@code column} (measures, areas) that one of {@code tables} held for the earlier
     * load and holds no more: a measure still defined but with no observations left is lost too.
     */
    private static void lostValues(Statement s, List<String> tables, String column, String what, String old, long newId,
                                   List<String> lost) throws SQLException {
        java.util.SortedSet<String> names = new java.util.TreeSet<>();
        for (String t : tables) {
            try (ResultSet rs = s.executeQuery("SELECT DISTINCT " + column + " FROM " + t + " WHERE load_id IN (" + old
                    + ") AND " + column + " IS NOT NULL EXCEPT SELECT " + column + " FROM " + t + " WHERE load_id = " + newId)) {
                while (rs.next()) names.add(rs.getString(1));
            }
        }
        if (!names.isEmpty()) {
            lost.add((names.size() == 1 ? what.substring(0, what.length() - 1) : what) + " "
                    + shown(List.copyOf(names), names.size()));
        }
    }

    private static String shown(List<String> names, long total) {
        return String.join(", ", names.subList(0, Math.min(SHOWN, names.size())))
                + (total > SHOWN ? " and " + (total - SHOWN) + " more" : "");
    }

    private static List<String> columns(Statement s, String table) throws SQLException {
        List<String> cols = new ArrayList<>();
        try (ResultSet rs = s.executeQuery("SELECT column_name FROM information_schema.columns WHERE table_schema = 'main' "
                + "AND table_name = '" + table + "'")) {
            while (rs.next()) cols.add(rs.getString(1));
        }
        return cols;
    }

    /** observation_fact → observations, as the public views call them. */
    static String words(String table) {
        String t = table.replaceFirst("_fact$", "");
        return t.endsWith("s") || t.endsWith("d") ? t : t + "s";
    }
}
