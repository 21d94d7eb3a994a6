package org.sendscope.ingest.staging;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;

/**
 * Rows a loader has worked out in Java (a few hundred areas, measures or neighbour pairs), written
 * through DuckDB's appender in the connection's current transaction. A JDBC batch runs one
 * statement per row (about a millisecond each) and a multi-row {@code INSERT … VALUES} of a few
 * thousand values takes longer to plan than to run; the appender takes a few milliseconds.
 * Values are given in the table's column order.
 */
public final class StagedRows {
    private final String catalog;
    private final String table;
    private final int width;
    private final List<Object[]> rows = new ArrayList<>();

    private StagedRows(String catalog, String table, int width) {
        this.catalog = catalog;
        this.table = table;
        this.width = width;
    }

    /** Rows for a warehouse table with exactly {@code width} columns. */
    public StagedRows(String table, int width) {
        this(null, table, width);
    }

    /** Rows for a TEMP staging table with exactly {@code width} columns. */
    public static StagedRows temporary(String table, int width) {
        return new StagedRows("temp", table, width);
    }

    /** Adds one row; nulls are SQL NULL, dates are {@link LocalDate}. */
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
        DuckDBConnection duck = c.unwrap(DuckDBConnection.class);
        try (DuckDBAppender a = catalog == null ? duck.createAppender("main", table)
                : duck.createAppender(catalog, "main", table)) {
            for (Object[] row : rows) {
                a.beginRow();
                for (Object v : row) append(a, v);
                a.endRow();
            }
        }
        int n = rows.size();
        rows.clear();
        return n;
    }

    private static void append(DuckDBAppender a, Object v) throws SQLException {
        if (v == null) a.appendNull();
        else if (v instanceof String s) a.append(s);
        else if (v instanceof Integer i) a.append(i.intValue());
        else if (v instanceof Long l) a.append(l.longValue());
        else if (v instanceof Double d) a.append(d.doubleValue());
        else if (v instanceof LocalDate d) a.append(d);
        else if (v instanceof Boolean b) a.append(b.booleanValue());
        else throw new IllegalArgumentException("cannot stage a " + v.getClass().getSimpleName());
    }
}
