package org.sendscope.kernel;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The {@code :name} and {@code {{name}}} parameters of a notebook query, as jupysql writes them:
 * each one becomes a {@code ?} of a prepared statement and is bound to the Java variable of that
 * name, so a value is never pasted into the SQL text (a quote in an area name cannot change the
 * query). Quoted text, quoted identifiers, comments and DuckDB's {@code ::} casts are left alone.
 * A collection (e.g. a list of neighbours' codes) becomes one {@code ?} per element, for
 * {@code IN (:areas)}.
 */
public final class SqlParameters {
    private SqlParameters() {
    }

    /** One piece of a query: SQL text, or a parameter's name. */
    record Part(String text, String parameter) {
    }

    /** The names of the parameters in a query, in order of first use. */
    public static Set<String> names(String sql) {
        Set<String> names = new LinkedHashSet<>();
        for (Part p : parse(sql)) if (p.parameter() != null) names.add(p.parameter());
        return names;
    }

    /** The query with {@code ?} for each parameter, and the values to bind in order. */
    public record Bound(String sql, List<Object> values) {
    }

    /**
     * Replaces each parameter by {@code ?} and lists its value.
     *
     * @param names  parameter names, as {@link #names} gave them
     * @param values their values, in the same order
     */
    public static Bound bind(String sql, List<String> names, List<?> values) {
        StringBuilder b = new StringBuilder();
        List<Object> bound = new ArrayList<>();
        for (Part p : parse(sql)) {
            if (p.parameter() == null) {
                b.append(p.text());
                continue;
            }
            int i = names.indexOf(p.parameter());
            if (i < 0) throw new IllegalArgumentException("no value for :" + p.parameter());
            Object v = values.get(i);
            Collection<?> many = v instanceof Collection<?> c ? c : v instanceof Object[] a ? List.of(a) : null;
            if (many == null) {
                b.append('?');
                bound.add(v);
            } else if (many.isEmpty()) {
                b.append("NULL"); // IN (NULL) matches nothing, as an empty list should
            } else {
                b.append(String.join(", ", java.util.Collections.nCopies(many.size(), "?")));
                bound.addAll(many);
            }
        }
        return new Bound(b.toString(), bound);
    }

    static List<Part> parse(String sql) {
        List<Part> parts = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        int n = sql.length();
        int i = 0;
        while (i < n) {
            char c = sql.charAt(i);
            int end = -1;
            if (c == '\'' || c == '"') {
                end = closing(sql, i, c);
            } else if (c == '-' && i + 1 < n && sql.charAt(i + 1) == '-') {
                int nl = sql.indexOf('\n', i);
                end = nl < 0 ? n : nl;
            } else if (c == '/' && i + 1 < n && sql.charAt(i + 1) == '*') {
                int close = sql.indexOf("*/", i + 2);
                end = close < 0 ? n : close + 2;
            } else if (c == ':' && i + 1 < n && sql.charAt(i + 1) == ':') {
                end = i + 2; // a cast, value::INTEGER
            } else if (c == ':' && i + 1 < n && Character.isJavaIdentifierStart(sql.charAt(i + 1))
                    && (i == 0 || !Character.isLetterOrDigit(sql.charAt(i - 1)))) {
                int j = i + 1;
                while (j < n && Character.isJavaIdentifierPart(sql.charAt(j))) j++;
                flush(parts, text);
                parts.add(new Part(null, sql.substring(i + 1, j)));
                i = j;
                continue;
            } else if (c == '{' && sql.startsWith("{{", i)) {
                int close = sql.indexOf("}}", i + 2);
                String name = close < 0 ? "" : sql.substring(i + 2, close).strip();
                if (name.matches("[A-Za-z_$][A-Za-z0-9_$]*")) {
                    flush(parts, text);
                    parts.add(new Part(null, name));
                    i = close + 2;
                    continue;
                }
            }
            if (end < 0) end = i + 1;
            text.append(sql, i, end);
            i = end;
        }
        flush(parts, text);
        return parts;
    }

    private static int closing(String sql, int open, char quote) {
        int i = open + 1;
        while (i < sql.length()) {
            if (sql.charAt(i) == quote) {
                if (i + 1 < sql.length() && sql.charAt(i + 1) == quote) {
                    i += 2; // '' inside a string
                    continue;
                }
                return i + 1;
            }
            i++;
        }
        return sql.length();
    }

    private static void flush(List<Part> parts, StringBuilder text) {
        if (text.length() > 0) parts.add(new Part(text.toString(), null));
        text.setLength(0);
    }
}
