package org.sendscope.ingest.staging;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Rows a loader has worked out in Java (a few hundred areas, measures or neighbour pairs), written
 * with a few multi-row {@code INSERT … VALUES} statements: DuckDB runs one statement per JDBC batch
 * entry, so a row-by-row batch costs a millisecond a row.
 */
public final class StagedRows {
    private static final int ROWS_PER_STATEMENT = 500;
    private final String table;
    private final int width;
    private final List<Object[]> rows = new ArrayList<>();

    /**
     * @param table   the table (usually a TEMP staging table) with exactly {@code width} columns
     * @param width   values per row
     */
    public StagedRows(String table, int width) {
        this.table = table;
        this.width = width;
    }

    /** Adds one row; nulls are SQL NULL, dates are {@link java.time.LocalDate}. */
    public StagedRows add(Object... values) {
        if (values.length != width) throw new IllegalArgumentException("expected " + width + " values, got " + values.length);
        rows.add(values.clone());
        return this;
    }

    /** How many rows are waiting. */
    public int size() {
        return rows.size();
    }

    /** Writes every row and forgets them; returns how many were written. */
    public int insert(Connection c) throws SQLException {
        int written = 0;
        String one = "(" + String.join(", ", Collections.nCopies(width, "?")) + ")";
        for (int from = 0; from < rows.size(); from += ROWS_PER_STATEMENT) {
            List<Object[]> chunk = rows.subList(from, Math.min(rows.size(), from + ROWS_PER_STATEMENT));
            String sql = "INSERT INTO " + table + " VALUES " + String.join(", ", Collections.nCopies(chunk.size(), one));
            try (PreparedStatement p = c.prepareStatement(sql)) {
                int i = 1;
                for (Object[] row : chunk) for (Object v : row) p.setObject(i++, v);
                written += p.executeUpdate();
            }
        }
        rows.clear();
        return written;
    }
}
