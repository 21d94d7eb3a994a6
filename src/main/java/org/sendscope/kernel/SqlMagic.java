package org.sendscope.kernel;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tech.tablesaw.api.Table;

/**
 * The SQL magics, with jupysql's habits: a {@code %%sql} cell is one read-only query on the
 * notebook's warehouse, shown as a table; {@code %sql QUERY} does the same on one line, also inside
 * Java ({@code var t = %sql SELECT …}). Options on the magic's line:
 * <ul>
 * <li>{@code --out NAME} binds a Java variable holding the Tablesaw table;</li>
 * <li>{@code --save NAME} keeps the query under a name, {@code --with NAME} puts saved queries in
 * front as common table expressions ({@code WITH NAME AS (…)}), taking along the ones they were
 * composed with;</li>
 * <li>{@code --no-execute} only saves.</li>
 * </ul>
 * {@code :name} and {@code {{name}}} are bound from the Java variables of those names as
 * prepared-statement parameters ({@link SqlParameters}), never pasted into the text. The query
 * goes through the console's read-only guard ({@link Sendscope#sql(String, List)}).
 *
 * <p>The magic is turned into a line of Java that calls {@link #query}, so the query runs where
 * Java runs: the parameters are ordinary Java expressions, and an interrupt stops it the same way.
 */
public final class SqlMagic {
    /** The line a cell starts with to be run as SQL. */
    public static final String MARKER = "%%sql";
    /** The line magic. */
    public static final String LINE_MARKER = "%sql";

    /** Queries kept by {@code --save}, by name, with the names they were composed with. */
    private static final Map<String, Saved> SAVED = new LinkedHashMap<>();

    private record Saved(String query, List<String> with) {
    }

    /** What the magic's line asks for. */
    record Options(String out, String save, List<String> with, boolean execute) {
    }

    private SqlMagic() {
    }

    /** Whether a cell is a {@code %%sql} cell. */
    public static boolean isSqlCell(String cell) {
        String first = cell.stripLeading().split("\n", 2)[0].strip();
        return first.equals(MARKER) || first.startsWith(MARKER + " ");
    }

    /** The {@code --out} name on a magic's line, or {@code null}. */
    static String outName(String args) {
        return options(args, MARKER).out();
    }

    static Options options(String args, String magic) {
        List<String> words = new ArrayList<>(List.of(args.strip().isEmpty() ? new String[0] : args.strip().split("\\s+")));
        String out = null;
        String save = null;
        List<String> with = new ArrayList<>();
        boolean execute = true;
        for (int i = 0; i < words.size(); i++) {
            String w = words.get(i);
            String option = w.contains("=") ? w.substring(0, w.indexOf('=')) : w;
            String value = w.contains("=") ? w.substring(w.indexOf('=') + 1) : i + 1 < words.size() ? words.get(i + 1) : null;
            boolean inline = w.contains("=");
            switch (option) {
                case "--out", "-o" -> out = name(value, option, args, magic);
                case "--save" -> save = name(value, option, args, magic);
                case "--with" -> with.add(name(value, option, args, magic));
                case "--no-execute" -> {
                    execute = false;
                    continue;
                }
                default -> throw new CellError("MagicError", "cannot read '" + magic + " " + args.strip() + "'; write "
                        + magic + " [--out NAME] [--save NAME] [--with NAME …] [--no-execute]", List.of());
            }
            if (!inline) i++;
        }
        return new Options(out, save, with, execute);
    }

    private static String name(String value, String option, String args, String magic) {
        if (value == null || !value.matches("[A-Za-z_$][A-Za-z0-9_$]*")) {
            throw new CellError("MagicError", "'" + magic + " " + args.strip() + "': " + option
                    + " needs a name (letters, digits, _), e.g. " + option + " plans", List.of());
        }
        return value;
    }

    /**
     * The Java that runs a {@code %%sql} cell, or {@code null} when there is nothing to run
     * ({@code --no-execute}).
     *
     * @param variables the shell's variable names, to say which {@code :name} is not defined
     */
    static String cellAsJava(String cell, Set<String> variables) {
        String[] parts = cell.stripLeading().split("\n", 2);
        String query = parts.length > 1 ? parts[1] : "";
        Options o = options(parts[0].strip().substring(MARKER.length()), MARKER);
        if (query.isBlank()) {
            throw new CellError("MagicError", "the %%sql cell has no query below its first line", List.of());
        }
        return asJava(query, o, variables, true);
    }

    /**
     * A line {@code %sql [options] QUERY} as Java: the query is everything after the options.
     */
    static String lineAsJava(String afterMarker, Set<String> variables) {
        List<String> optionWords = new ArrayList<>();
        String rest = afterMarker.strip();
        while (rest.startsWith("-")) {
            String[] w = rest.split("\\s+", 2);
            optionWords.add(w[0]);
            rest = w.length > 1 ? w[1] : "";
            boolean takesValue = !w[0].contains("=") && !w[0].equals("--no-execute");
            if (takesValue && !rest.isEmpty()) {
                String[] v = rest.split("\\s+", 2);
                optionWords.add(v[0]);
                rest = v.length > 1 ? v[1] : "";
            }
        }
        Options o = options(String.join(" ", optionWords), LINE_MARKER);
        if (rest.isBlank()) throw new CellError("MagicError", "%sql needs a query on its line, e.g. %sql SELECT count(*) FROM loads", List.of());
        return asJava(rest, o, variables, false);
    }

    private static String asJava(String query, Options o, Set<String> variables, boolean wholeCell) {
        String body = withoutTrailingSemicolons(query);
        String composed = compose(body, o.with());
        if (o.save() != null) {
            synchronized (SAVED) {
                SAVED.put(o.save(), new Saved(body, List.copyOf(o.with())));
            }
        }
        if (!o.execute()) {
            return "org.sendscope.kernel.SqlMagic.saidSaved(" + javaString(o.save() == null ? "" : o.save()) + ")";
        }
        Set<String> names = SqlParameters.names(composed);
        for (String n : names) {
            if (!variables.contains(n)) {
                throw new CellError("MagicError", "the query's parameter :" + n + " names no Java variable; declare it "
                        + "in a cell first, e.g. var " + n + " = \"E06000058\";", List.of());
            }
        }
        String call = "org.sendscope.kernel.SqlMagic.query(" + javaString(composed)
                + ", new String[] {" + String.join(", ", names.stream().map(SqlMagic::javaString).toList()) + "}"
                + ", new Object[] {" + String.join(", ", names) + "})";
        if (o.out() != null) {
            String bind = "tech.tablesaw.api.Table " + o.out() + " = " + call + ".setName(" + javaString(o.out()) + ");";
            return wholeCell ? bind + "\n" + o.out() : bind;
        }
        return call;
    }

    /** Saved queries in front of {@code query} as {@code WITH name AS (…)}, dependencies first. */
    static String compose(String query, List<String> with) {
        if (with.isEmpty()) return query;
        List<String> order = new ArrayList<>();
        synchronized (SAVED) {
            for (String w : with) collect(w, order, new ArrayList<>());
        }
        StringBuilder ctes = new StringBuilder();
        for (String name : order) {
            if (ctes.length() > 0) ctes.append(",\n");
            ctes.append(name).append(" AS (\n").append(SAVED.get(name).query().strip()).append("\n)");
        }
        String q = query.strip();
        if (q.regionMatches(true, 0, "WITH ", 0, 5) || q.regionMatches(true, 0, "WITH\n", 0, 5)) {
            return "WITH " + ctes + ",\n" + q.substring(5).strip();
        }
        return "WITH " + ctes + "\n" + q;
    }

    private static void collect(String name, List<String> order, List<String> path) {
        Saved s = SAVED.get(name);
        if (s == null) {
            throw new CellError("MagicError", "--with " + name + ": no query saved under that name; save one with %%sql --save "
                    + name + (SAVED.isEmpty() ? "" : " (saved: " + String.join(", ", SAVED.keySet()) + ")"), List.of());
        }
        if (path.contains(name)) throw new CellError("MagicError", "--with " + name + " refers to itself", List.of());
        if (order.contains(name)) return;
        path.add(name);
        for (String dep : s.with()) collect(dep, order, path);
        path.remove(name);
        order.add(name);
    }

    /** The text of a saved query (for a reader who wants to see what {@code --with} adds). */
    public static String saved(String name) {
        synchronized (SAVED) {
            Saved s = SAVED.get(name);
            return s == null ? null : compose(s.query(), s.with());
        }
    }

    /** What a {@code --no-execute} cell shows. */
    public static String saidSaved(String name) {
        return name.isEmpty() ? "nothing saved: --no-execute without --save" : "saved query '" + name + "' (not run)";
    }

    /**
     * Runs a magic's query on the notebook's warehouse with its parameters bound. Called by the
     * Java the magic becomes; public only because JShell's code must reach it.
     */
    public static Table query(String sql, String[] names, Object[] values) {
        SqlParameters.Bound b = SqlParameters.bind(sql, List.of(names), List.of(values));
        return Sendscope.open().sql(b.sql(), b.values());
    }

    private static String withoutTrailingSemicolons(String q) {
        String s = q.strip();
        while (s.endsWith(";")) s = s.substring(0, s.length() - 1).strip();
        return s;
    }

    /** A Java string literal of {@code s}: JSON's escaping of a string is also Java's for the same characters. */
    static String javaString(String s) {
        return org.sendscope.report.ResultPrinter.jsonString(s);
    }
}
