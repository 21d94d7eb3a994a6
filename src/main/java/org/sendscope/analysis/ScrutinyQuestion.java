package org.sendscope.analysis;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.sendscope.warehouse.SqlResources;
import org.sendscope.warehouse.WarehouseException;

/**
 * A named scrutiny question: one file {@code sql/queries/NAME.sql} whose header comment says the
 * question in plain words, its parameters, its sources and how to say the answer:
 *
 * <pre>
 * -- question: What percentage of new EHC plans were issued within 20 weeks this academic year?
 * -- parameters: $area LA code; $as_of date (default today)
 * -- sources: local scorecard (kpis), SEN2 (dfe-ehcp)
 * -- answer: {area_name}: {value}% in {period_label} …
 * SELECT … WHERE area_code = $area AND period_end &lt;= CAST($as_of AS DATE)
 * </pre>
 *
 * Parameters ({@code $name}) are bound as JDBC parameters, never pasted into the SQL text.
 */
public final class ScrutinyQuestion {
    private static final Pattern HEADER = Pattern.compile("^--\\s*([a-z_]+):\\s?(.*)$");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([a-z_0-9]+)}");

    private final String name;
    private final Map<String, String> header;
    private final String sql;

    private ScrutinyQuestion(String name, Map<String, String> header, String sql) {
        this.name = name;
        this.header = header;
        this.sql = sql;
    }

    /** Every question in {@code sql/queries/}, by name. */
    public static List<ScrutinyQuestion> all() {
        List<ScrutinyQuestion> qs = new ArrayList<>();
        for (String file : SqlResources.list("queries")) qs.add(parse(file.replaceAll("\\.sql$", ""),
                SqlResources.read("queries", file)));
        return qs;
    }

    /** The question called {@code name}. */
    public static ScrutinyQuestion named(String name) {
        if (!name.matches("[a-z0-9_]+") || !SqlResources.list("queries").contains(name + ".sql")) {
            throw new WarehouseException("no scrutiny question called '" + name + "' (sendscope ask lists them)");
        }
        return parse(name, SqlResources.read("queries", name + ".sql"));
    }

    static ScrutinyQuestion parse(String name, String text) {
        Map<String, String> header = new LinkedHashMap<>();
        String key = null;
        for (String line : text.split("\n")) {
            String l = line.strip();
            if (!l.startsWith("--")) break;
            Matcher m = HEADER.matcher(l);
            if (m.matches()) {
                key = m.group(1);
                header.put(key, m.group(2).strip());
            } else if (key != null) {
                String more = l.substring(2).strip();
                if (!more.isEmpty()) header.merge(key, more, (a, b) -> a + " " + b);
            }
        }
        if (!header.containsKey("question")) {
            throw new WarehouseException("sql/queries/" + name + ".sql has no '-- question:' header");
        }
        return new ScrutinyQuestion(name, header, text);
    }

    public String name() {
        return name;
    }

    /** The question in plain words. */
    public String question() {
        return header.get("question");
    }

    /** The header's other entries: parameters, sources, answer (a template of {column} placeholders). */
    public String header(String key) {
        return header.get(key);
    }

    /** The SQL text as written, with its {@code $name} placeholders. */
    public String sql() {
        return sql;
    }

    /** The names of the parameters, in the order they occur. */
    public List<String> parameters() {
        return bind(sql).names();
    }

    /** The statement with {@code ?} for each parameter, and the parameter names in order. */
    public record Bound(String sql, List<String> names) {
    }

    /** Replaces each {@code $name} outside strings, quoted names and comments with {@code ?}. */
    public static Bound bind(String text) {
        StringBuilder out = new StringBuilder();
        List<String> names = new ArrayList<>();
        int i = 0;
        int n = text.length();
        while (i < n) {
            char c = text.charAt(i);
            if (c == '\'' || c == '"') {
                int j = text.indexOf(c, i + 1);
                while (j > 0 && j + 1 < n && text.charAt(j + 1) == c) j = text.indexOf(c, j + 2);
                if (j < 0) j = n - 1;
                out.append(text, i, j + 1);
                i = j + 1;
            } else if (c == '-' && i + 1 < n && text.charAt(i + 1) == '-') {
                // Comments are dropped, so that one after the closing ';' cannot hide it.
                int j = text.indexOf('\n', i);
                i = j < 0 ? n : j;
            } else if (c == '/' && i + 1 < n && text.charAt(i + 1) == '*') {
                int j = text.indexOf("*/", i + 2);
                out.append(' ');
                i = j < 0 ? n : j + 2;
            } else if (c == '$' && i + 1 < n && Character.isLetter(text.charAt(i + 1))) {
                int j = i + 1;
                while (j < n && (Character.isLetterOrDigit(text.charAt(j)) || text.charAt(j) == '_')) j++;
                names.add(text.substring(i + 1, j).toLowerCase(Locale.ROOT));
                out.append('?');
                i = j;
            } else {
                out.append(c);
                i++;
            }
        }
        return new Bound(out.toString().strip().replaceAll(";\\s*$", ""), names);
    }

    /**
     * Prepares the question with its parameters bound as text (the SQL casts them, e.g.
     * {@code CAST($as_of AS DATE)}).
     *
     * @throws WarehouseException when a parameter the SQL uses has no value
     */
    public PreparedStatement prepare(Connection c, Map<String, String> values) throws SQLException {
        return prepare(c, values, bind(sql).sql());
    }

    /**
     * As {@link #prepare(Connection, Map)}, for the table shown with an answer: the given columns
     * (those whose names start {@code say_}, words for the answer template, left out) with
     * fractional numbers rounded to three decimals for reading.
     *
     * @param columns the result's column names, in order
     * @param fractional the names of the columns holding DOUBLE or DECIMAL values
     */
    public PreparedStatement prepareTable(Connection c, Map<String, String> values, List<String> columns,
                                          java.util.Set<String> fractional) throws SQLException {
        StringBuilder select = new StringBuilder();
        for (String col : columns) {
            if (col.startsWith("say_")) continue;
            String quoted = '"' + col.replace("\"", "\"\"") + '"';
            if (select.length() > 0) select.append(", ");
            select.append(fractional.contains(col) ? "round(" + quoted + ", 3) AS " + quoted : quoted);
        }
        return prepare(c, values, "SELECT " + select + " FROM (\n" + bind(sql).sql() + "\n)");
    }

    private PreparedStatement prepare(Connection c, Map<String, String> values, String text) throws SQLException {
        Bound b = bind(sql);
        PreparedStatement p = c.prepareStatement(text);
        for (int k = 0; k < b.names().size(); k++) {
            String v = values.get(b.names().get(k));
            if (v == null) {
                p.close();
                throw new WarehouseException(name + " needs a value for $" + b.names().get(k));
            }
            p.setString(k + 1, v);
        }
        return p;
    }

    /** The answer sentence for one row: the header's answer template with each {column} filled in. */
    public String answer(Map<String, Object> row) {
        String template = header.get("answer");
        if (template == null) return null;
        Matcher m = PLACEHOLDER.matcher(template);
        StringBuilder b = new StringBuilder();
        while (m.find()) {
            Object v = row.get(m.group(1));
            m.appendReplacement(b, Matcher.quoteReplacement(words(v)));
        }
        m.appendTail(b);
        return b.toString();
    }

    /** A value as a sentence says it: whole numbers without decimals, others to one decimal place. */
    static String words(Object v) {
        if (v == null) return "n/a";
        if (v instanceof Number num && !(v instanceof Integer || v instanceof Long)) {
            double d = num.doubleValue();
            if (Double.isNaN(d)) return "n/a";
            if (d == Math.rint(d) && Math.abs(d) < 1e15) return String.format(Locale.UK, "%,d", (long) d);
            return String.format(Locale.UK, "%,.1f", d);
        }
        if (v instanceof Integer || v instanceof Long) return String.format(Locale.UK, "%,d", ((Number) v).longValue());
        return v.toString();
    }
}
