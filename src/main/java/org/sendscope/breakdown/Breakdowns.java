package org.sendscope.breakdown;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.sendscope.ingest.ResourceTable;

/**
 * The breakdowns reference: every breakdown the warehouse knows, with its dimension, value, group,
 * age limits and DSG plan category, read from {@code breakdowns.tsv} (the one source). Loaders
 * refuse a breakdown that is not here, forecasting takes its age bands and placement groups from
 * here, finance its placement categories; the warehouse holds the same rows in {@code breakdown_ref}
 * (view {@code breakdowns}), seeded by {@link #seed} whenever the views are built
 * (docs/decisions/0002, 0121).
 */
public final class Breakdowns {
    /** The headline figure's breakdown. */
    public static final String TOTAL = "total";

    private static final String RESOURCE = "breakdowns.tsv";
    private static final String TEXT = ResourceTable.text(Breakdowns.class, RESOURCE);
    private static final Map<String, Breakdown> BY_CODE = parse(TEXT);

    private Breakdowns() {
    }

    /** Every breakdown, in the file's order. */
    public static List<Breakdown> all() {
        return List.copyOf(BY_CODE.values());
    }

    /** The breakdown with this code, if the reference knows it. */
    public static Optional<Breakdown> of(String code) {
        return Optional.ofNullable(BY_CODE.get(code));
    }

    /** The breakdown with this code; an unknown code is a bug in the caller's vocabulary. */
    public static Breakdown require(String code) {
        Breakdown b = BY_CODE.get(code);
        if (b == null) throw new IllegalArgumentException("unknown breakdown '" + code + "' (not in " + RESOURCE + ")");
        return b;
    }

    /** True when the reference knows the code. */
    public static boolean knows(String code) {
        return BY_CODE.containsKey(code);
    }

    /** The groups of a dimension in the file's order (for ages, youngest first). */
    public static List<Breakdown> groups(String dimension) {
        return BY_CODE.values().stream().filter(b -> b.dimension().equals(dimension) && b.isGroup()).toList();
    }

    /** SEN2's age bands, youngest first: {@code under_5}, {@code 5-10}, {@code 11-15}, {@code 16-19}, {@code 20-25}. */
    public static List<Breakdown> ageBands() {
        return groups("age").stream().sorted(Comparator.comparing(Breakdown::ageFrom)).toList();
    }

    /** SEN2's placement groups ({@code mainstream}, {@code special}, {@code ap_pru}, …). */
    public static List<Breakdown> placementGroups() {
        return groups("placement");
    }

    /** The reference's text, for a digest of what the warehouse was built with. */
    public static String text() {
        return TEXT;
    }

    /** Replaces the rows of {@code breakdown_ref} with the reference (inside the caller's transaction). */
    public static void seed(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("DELETE FROM breakdown_ref");
        }
        try (PreparedStatement p = c.prepareStatement("INSERT INTO breakdown_ref VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (Breakdown b : BY_CODE.values()) {
                p.setString(1, b.code());
                p.setString(2, b.dimension());
                p.setString(3, b.value());
                p.setString(4, b.group());
                setInt(p, 5, b.ageFrom());
                setInt(p, 6, b.ageTo());
                p.setString(7, b.dsgCategory());
                p.setString(8, b.label());
                p.addBatch();
            }
            p.executeBatch();
        }
    }

    private static void setInt(PreparedStatement p, int i, Integer v) throws SQLException {
        if (v == null) p.setNull(i, Types.INTEGER);
        else p.setInt(i, v);
    }

    private static Map<String, Breakdown> parse(String text) {
        Map<String, Breakdown> m = new LinkedHashMap<>();
        for (String[] f : ResourceTable.rows(text)) {
            String line = String.join("\t", f);
            if (f.length != 8) throw new IllegalStateException(RESOURCE + ": 8 columns expected in '" + line + "'");
            Breakdown b = new Breakdown(f[0], f[1], f[2], f[3], integer(f[4]), integer(f[5]), blankToNull(f[6]),
                    blankToNull(f[7]));
            String expected = b.dimension().equals(TOTAL) ? TOTAL : b.dimension() + ":" + b.value();
            if (!b.code().equals(expected)) throw new IllegalStateException(RESOURCE + ": " + b.code() + " is not " + expected);
            if (m.put(b.code(), b) != null) throw new IllegalStateException(RESOURCE + ": " + b.code() + " twice");
        }
        for (Breakdown b : m.values()) {
            // age bands and placement groups are published figures themselves (ethnic groups are not)
            boolean published = b.dimension().equals("age") || b.dimension().equals("placement");
            if (published && !m.containsKey(b.dimension() + ":" + b.group())) {
                throw new IllegalStateException(RESOURCE + ": the group of " + b.code() + " is not itself a breakdown");
            }
        }
        return m;
    }

    private static Integer integer(String s) {
        return s.isBlank() ? null : Integer.valueOf(s.trim());
    }

    private static String blankToNull(String s) {
        return s.isBlank() ? null : s;
    }
}
