package org.sendscope.kernel;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The magics a cell may use, as IPython and jupysql name them: {@code %%sql} and {@code %sql}
 * ({@link SqlMagic}), {@code %%time}, {@code %config} and {@code %lsmagic}. A line magic may stand
 * among Java lines ({@code var t = %sql SELECT …}); it becomes one line of Java, so the cell's line
 * numbers stay as the reader sees them.
 */
public final class Magics {
    /** A line magic at the start of a line, or after an assignment ({@code var t = %sql …}). */
    private static final Pattern LINE = Pattern.compile("^(\\s*(?:[\\w.<>\\[\\], ]+\\s*=\\s*)?)%(sql|config|lsmagic)\\b(.*)$");

    private Magics() {
    }

    /** Runs a cell: a {@code %%time} or {@code %%sql} cell, or Java with any line magics in it. */
    static Object eval(String cell, CellEvaluator shell) {
        String first = cell.stripLeading().split("\n", 2)[0].strip();
        if (first.equals("%%time") || first.startsWith("%%time ")) return time(cell, shell);
        if (SqlMagic.isSqlCell(cell)) return shell.eval(SqlMagic.cellAsJava(cell, shell.variableNames()));
        if (first.startsWith("%%")) {
            throw new CellError("MagicError", "unknown cell magic " + first.split("\\s+")[0] + "; %lsmagic lists them", List.of());
        }
        return shell.eval(rewrite(cell, shell.variableNames()));
    }

    /** Whether a cell starts with a magic, so completion and completeness (which are Java's) leave it alone. */
    static boolean isMagicCell(String cell) {
        return cell.stripLeading().startsWith("%");
    }

    /** The cell with each line magic turned into one line of Java. */
    static String rewrite(String cell, Set<String> variables) {
        if (!cell.contains("%")) return cell;
        // A variable the cell itself declares before its %sql line counts as declared.
        Set<String> known = new java.util.HashSet<>(variables);
        Matcher d = Pattern.compile("\\b([A-Za-z_$][\\w$]*)\\s*=(?!=)").matcher(cell);
        while (d.find()) known.add(d.group(1));
        String[] lines = cell.split("\n", -1);
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < lines.length; i++) {
            if (i > 0) b.append('\n');
            Matcher m = LINE.matcher(lines[i]);
            if (!m.matches() || lines[i].stripLeading().startsWith("//")) {
                b.append(lines[i]);
                continue;
            }
            String before = m.group(1);
            String rest = m.group(3);
            String java = switch (m.group(2)) {
                case "sql" -> SqlMagic.lineAsJava(rest, known);
                case "config" -> "org.sendscope.kernel.Magics.config(" + SqlMagic.javaString(rest.strip()) + ")";
                default -> "org.sendscope.kernel.Magics.lsmagic()";
            };
            b.append(before).append(java.replace("\n", " ")).append(';');
        }
        return b.toString();
    }

    private static Object time(String cell, CellEvaluator shell) {
        String[] parts = cell.stripLeading().split("\n", 2);
        String rest = parts.length > 1 ? parts[1] : "";
        long t0 = System.nanoTime();
        try {
            return rest.isBlank() ? null : eval(rest, shell);
        } finally {
            System.out.println("Wall time: " + wallTime(System.nanoTime() - t0));
        }
    }

    static String wallTime(long nanos) {
        double s = nanos / 1e9;
        if (s < 1) return String.format(Locale.ROOT, "%.0f ms", s * 1000);
        if (s < 60) return String.format(Locale.ROOT, "%.2f s", s);
        return String.format(Locale.ROOT, "%d min %.0f s", (long) (s / 60), s % 60);
    }

    /**
     * {@code %config}: with no argument, the settings; {@code SqlMagic.displaylimit = 100} shows up
     * to 100 rows of a table (0: every row); {@code SqlMagic.thousands = True} writes 3,266 for
     * 3266. Called by the Java a {@code %config} line becomes.
     */
    public static RichDisplay.Markdown config(String setting) {
        String s = setting.strip();
        if (s.isEmpty()) return settings();
        String[] kv = s.split("=", 2);
        String key = kv[0].strip();
        String name = key.startsWith("SqlMagic.") ? key.substring("SqlMagic.".length()) : key;
        if (kv.length == 1) {
            return switch (name.toLowerCase(Locale.ROOT)) {
                case "displaylimit", "thousands" -> settings();
                default -> throw unknown(key);
            };
        }
        String value = kv[1].strip();
        switch (name.toLowerCase(Locale.ROOT)) {
            case "displaylimit" -> {
                if (value.equalsIgnoreCase("none")) value = "0";
                if (!value.matches("\\d{1,9}")) {
                    throw new CellError("MagicError", "%config SqlMagic.displaylimit takes a whole number of rows (0 for all), not '"
                            + value + "'", List.of());
                }
                TableHtml.displayLimit(Integer.parseInt(value));
            }
            case "thousands" -> {
                if (!value.matches("(?i)true|false")) {
                    throw new CellError("MagicError", "%config SqlMagic.thousands takes True or False, not '" + value + "'", List.of());
                }
                TableHtml.thousands(Boolean.parseBoolean(value.toLowerCase(Locale.ROOT)));
            }
            default -> throw unknown(key);
        }
        return settings();
    }

    private static CellError unknown(String key) {
        return new CellError("MagicError", "%config knows SqlMagic.displaylimit and SqlMagic.thousands, not '" + key + "'",
                List.of());
    }

    private static RichDisplay.Markdown settings() {
        int limit = TableHtml.displayLimit();
        return new RichDisplay.Markdown("SqlMagic.displaylimit = " + limit + (limit == 0 ? " (every row)" : "")
                + "  \nSqlMagic.thousands = " + (TableHtml.thousands() ? "True" : "False"));
    }

    /** {@code %lsmagic}: every magic this kernel has, one line each. */
    public static RichDisplay.Markdown lsmagic() {
        return new RichDisplay.Markdown(String.join("\n",
                "**Line magics**",
                "",
                "- `%sql [--out NAME] [--save NAME] [--with NAME] QUERY` — one query on one line; also `var t = %sql SELECT …`",
                "- `%config [SqlMagic.displaylimit = N | SqlMagic.thousands = True]` — rows shown (0: all), thousands separators",
                "- `%lsmagic` — this list",
                "",
                "**Cell magics**",
                "",
                "- `%%sql [--out NAME] [--save NAME] [--with NAME …] [--no-execute]` — the cell is one read-only query; "
                        + "`:name` and `{{name}}` are bound from Java variables",
                "- `%%time` — runs the rest of the cell and prints its wall time"));
    }
}
