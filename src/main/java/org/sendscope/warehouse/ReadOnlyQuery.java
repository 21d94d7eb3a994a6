package org.sendscope.warehouse;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.sendscope.warehouse.SqlTokens.Kind;
import org.sendscope.warehouse.SqlTokens.Token;

/**
 * The guard in front of every place that takes a user's SQL (the console, {@code sendscope sql},
 * a notebook's {@code sql(…)} and {@code %%sql}): one statement that only reads. It judges the
 * statement's tokens ({@link SqlTokens}), not its text, so a {@code --} or a keyword inside a string
 * or a quoted name is not mistaken for code, and code is never hidden as a comment. Refused, each
 * with a one-line reason: more than one statement; anything but SELECT, WITH, FROM, VALUES, TABLE,
 * DESCRIBE, SHOW, SUMMARIZE, EXPLAIN (without ANALYZE), PIVOT and UNPIVOT; any statement word that
 * writes or changes the session (INSERT, CREATE, SET, ATTACH, COPY, …) anywhere in it, as in
 * {@code WITH x AS (…) INSERT …}; functions that read files or run SQL from a string. The
 * connection is also read-only with external access and configuration locked
 * ({@link Warehouse#openReadOnly}), so this is the friendly message, not the only defence.
 */
public final class ReadOnlyQuery {
    private static final Set<String> READ_STATEMENTS = Set.of("select", "with", "from", "values", "table", "describe",
            "desc", "show", "summarize", "explain", "pivot", "unpivot", "pivot_wider", "pivot_longer");

    /**
     * Statement words that write, change settings or the session, or run other statements. None of
     * them is part of a read query's grammar, so a bare one anywhere means a second statement
     * (quote a column that has such a name: {@code "load"}).
     */
    private static final Set<String> WRITING_WORDS = Set.of("insert", "update", "delete", "upsert", "merge", "create",
            "drop", "alter", "truncate", "copy", "attach", "detach", "install", "load", "set", "reset", "pragma",
            "call", "checkpoint", "vacuum", "analyze", "export", "import", "use", "prepare", "execute", "deallocate",
            "begin", "commit", "rollback", "abort", "transaction", "grant", "revoke", "comment", "macro", "secret",
            "sequence", "temp", "temporary");

    /** Table and scalar functions that read files, reach the network or run SQL given as a string. */
    private static final Set<String> FORBIDDEN_FUNCTIONS = Set.of("read_csv", "read_csv_auto", "read_parquet",
            "parquet_scan", "parquet_metadata", "parquet_schema", "parquet_file_metadata", "parquet_kv_metadata",
            "read_json", "read_json_auto", "read_json_objects", "read_json_objects_auto", "read_ndjson",
            "read_ndjson_auto", "read_ndjson_objects", "read_text", "read_blob", "read_xlsx", "glob", "sniff_csv",
            "csv_scan", "json_scan", "iceberg_scan", "iceberg_metadata", "delta_scan", "sqlite_scan", "sqlite_attach",
            "postgres_scan", "postgres_attach", "postgres_query", "mysql_scan", "mysql_query", "httpfs", "duckdb_secrets",
            "which_secret", "getenv", "query", "query_table", "json_execute_serialized_sql", "load_extension",
            "install_extension", "setseed", "nextval", "checkpoint", "force_checkpoint", "pragma_database_size",
            "duckdb_logs", "enable_logging", "disable_logging", "truncate_duckdb_logs", "set_variable", "make_timestamp_ns_from_file");

    private ReadOnlyQuery() {
    }

    /**
     * Checks one statement.
     *
     * @return the statement to run: the text without trailing semicolons and comments
     * @throws WarehouseException with a one-line reason when it is refused
     */
    public static String check(String sql) {
        List<Token> tokens;
        try {
            tokens = SqlTokens.of(sql == null ? "" : sql);
        } catch (SqlTokens.Unterminated e) {
            throw refused(e.getMessage());
        }
        int last = tokens.size() - 1;
        while (last >= 0 && tokens.get(last).kind() == Kind.SEMICOLON) last--;
        if (last < 0) throw refused("empty statement");
        List<Token> statement = tokens.subList(0, last + 1);
        for (Token t : statement) {
            if (t.kind() == Kind.SEMICOLON) {
                throw refused("one statement at a time (a ';' at character " + (t.start() + 1) + " starts another)");
            }
        }
        checkStart(statement, 0);
        for (int k = 0; k < statement.size(); k++) {
            Token t = statement.get(k);
            if (t.kind() != Kind.WORD) continue;
            String w = t.word();
            if (WRITING_WORDS.contains(w)) {
                throw refused("the SQL console is read-only; '" + w.toUpperCase(Locale.ROOT) + "' is not allowed in a "
                        + "query (write \"" + w + "\" in double quotes if it is a column name)");
            }
            boolean call = k + 1 < statement.size() && statement.get(k + 1).isSymbol("(");
            if (call && FORBIDDEN_FUNCTIONS.contains(w)) {
                throw refused("the SQL console does not read files or run SQL from strings ('" + w + "'); query the "
                        + "warehouse's views instead");
            }
            // FROM 'file.csv' and FROM "file.csv" are DuckDB's shorthand for reading a file
            boolean source = (w.equals("from") || w.equals("join")) && k + 1 < statement.size()
                    && (statement.get(k + 1).kind() == Kind.STRING || (statement.get(k + 1).kind() == Kind.QUOTED_NAME
                        && statement.get(k + 1).text().matches("(?s).*[./\\\\:].*")));
            if (source) {
                throw refused("the SQL console does not read files (FROM '…'); query the warehouse's views instead");
            }
        }
        if (statement.get(0).is("show") && statement.size() > 1
                && (statement.get(1).is("databases") || statement.get(1).is("all"))) {
            // SHOW DATABASES and SHOW ALL TABLES name the files behind the warehouse; the views are what is public
            throw refused("the SQL console shows the warehouse's views only (.tables lists them)");
        }
        return sql.substring(0, statement.get(statement.size() - 1).end()).strip();
    }

    /** The statement must begin (after any opening brackets) with a reading word; EXPLAIN with what it explains. */
    private static void checkStart(List<Token> statement, int from) {
        int k = from;
        while (k < statement.size() && statement.get(k).isSymbol("(")) k++;
        if (k >= statement.size()) throw refused("empty statement");
        Token first = statement.get(k);
        String w = first.kind() == Kind.WORD ? first.word() : first.text();
        if (!READ_STATEMENTS.contains(w)) {
            throw refused("the SQL console is read-only; '" + w.toUpperCase(Locale.ROOT) + "' statements are not allowed "
                    + "(use SELECT, WITH, FROM, VALUES, DESCRIBE, SHOW, SUMMARIZE or EXPLAIN)");
        }
        if (w.equals("explain")) {
            int next = k + 1;
            // EXPLAIN ANALYZE runs the statement; plain EXPLAIN of a read statement only plans it
            if (next < statement.size() && statement.get(next).isSymbol("(")) {
                throw refused("EXPLAIN with options is not allowed; write EXPLAIN SELECT …");
            }
            if (next < statement.size() && statement.get(next).is("analyze")) {
                throw refused("EXPLAIN ANALYZE runs the statement; write EXPLAIN SELECT … (or run the query)");
            }
            checkStart(statement, next);
        }
    }

    private static WarehouseException refused(String why) {
        return new WarehouseException("refused: " + why.replace('\n', ' '));
    }
}
