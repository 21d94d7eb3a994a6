package org.sendscope.kernel;

import java.util.Arrays;
import java.util.List;
import tech.tablesaw.api.Table;

/**
 * The {@code %%sql} cell magic: the rest of the cell is one read-only query on the notebook's
 * warehouse, shown as a table. {@code %%sql --out name} also binds a Java variable {@code name}
 * holding the Tablesaw table, for a chart or a sentence in the next cell — what analysts coming
 * from Python's jupysql expect.
 */
public final class SqlMagic {
    /** The line a cell starts with to be run as SQL. */
    public static final String MARKER = "%%sql";

    private SqlMagic() {
    }

    /** Whether a cell is a {@code %%sql} cell. */
    public static boolean isSqlCell(String cell) {
        String first = cell.stripLeading().split("\n", 2)[0].strip();
        return first.equals(MARKER) || first.startsWith(MARKER + " ");
    }

    /** Runs the cell's query; binds {@code --out}'s variable in {@code shell}. */
    static Table run(String cell, CellEvaluator shell) {
        String[] parts = cell.stripLeading().split("\n", 2);
        String query = parts.length > 1 ? parts[1] : "";
        String out = outName(parts[0].strip().substring(MARKER.length()).strip());
        if (query.isBlank()) {
            throw new CellError("MagicError", "the %%sql cell has no query below its first line", List.of());
        }
        Table t = Sendscope.open().sql(query);
        if (out != null) {
            t.setName(out);
            shell.bind(out, "tech.tablesaw.api.Table", t);
        }
        return t;
    }

    static String outName(String args) {
        if (args.isEmpty()) return null;
        List<String> words = Arrays.asList(args.split("\\s+"));
        if (words.size() == 2 && words.get(0).equals("--out")) return words.get(1);
        if (words.size() == 1 && words.get(0).startsWith("--out=")) return words.get(0).substring("--out=".length());
        throw new CellError("MagicError", "cannot read '%%sql " + args + "'; write %%sql or %%sql --out NAME", List.of());
    }
}
