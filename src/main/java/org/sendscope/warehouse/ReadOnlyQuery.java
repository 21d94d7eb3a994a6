package org.sendscope.warehouse;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The guard in front of the read-only SQL console. A query may read the warehouse's tables and
 * views; a statement that writes, attaches, installs or loads extensions, copies, changes settings
 * or reads files is refused with a one-line reason. The connection itself is also opened read-only
 * with external access off, so this check is the friendly message, not the only defence.
 */
public final class ReadOnlyQuery {
    private static final Set<String> ALLOWED_FIRST = Set.of("select", "with", "from", "values", "describe",
            "show", "summarize", "explain", "table", "(");
    private static final Pattern FILE_READERS = Pattern.compile(
            "\\b(read_csv|read_csv_auto|read_parquet|parquet_scan|parquet_metadata|parquet_schema|read_json|"
                    + "read_json_auto|read_json_objects|read_ndjson|read_text|read_blob|read_xlsx|glob|sniff_csv|"
                    + "csv_scan|json_scan|iceberg_scan|delta_scan|sqlite_scan|postgres_scan|mysql_scan|httpfs|"
                    + "duckdb_secrets|getenv)\\s*\\(", Pattern.CASE_INSENSITIVE);
    private static final Pattern QUOTED_FILE = Pattern.compile("\\bfrom\\s+'[^']*'", Pattern.CASE_INSENSITIVE);

    private ReadOnlyQuery() {
    }

    /**
     * Checks one statement.
     *
     * @return the statement, trimmed of a trailing semicolon
     * @throws WarehouseException with a one-line reason when it is refused
     */
    public static String check(String sql) {
        String s = stripComments(sql).strip();
        while (s.endsWith(";")) s = s.substring(0, s.length() - 1).strip();
        if (s.isEmpty()) throw new WarehouseException("refused: empty statement");
        if (s.contains(";")) {
            throw new WarehouseException("refused: one statement at a time (found ';' inside the query)");
        }
        String first = s.split("[\\s(]", 2)[0].toLowerCase(Locale.ROOT);
        if (s.startsWith("(")) first = "(";
        if (!ALLOWED_FIRST.contains(first)) {
            throw new WarehouseException("refused: the SQL console is read-only; '" + first.toUpperCase(Locale.ROOT)
                    + "' statements are not allowed (use SELECT, WITH, DESCRIBE, SHOW, SUMMARIZE)");
        }
        var m = FILE_READERS.matcher(s);
        if (m.find()) {
            throw new WarehouseException("refused: the SQL console does not read files ('" + m.group(1)
                    + "'); query the warehouse's views instead");
        }
        if (QUOTED_FILE.matcher(s).find()) {
            throw new WarehouseException("refused: the SQL console does not read files (FROM '…'); query the "
                    + "warehouse's views instead");
        }
        return sql.strip().replaceAll(";+\\s*$", "");
    }

    private static String stripComments(String sql) {
        return sql.replaceAll("(?s)/\\*.*?\\*/", " ").replaceAll("--[^\\n]*", " ");
    }
}
