package org.sendscope.warehouse;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Every public view has a section in {@code sql/README.md} (a {@code ###} heading naming it in
 * backticks) that names each of its columns in backticks, and every column listed in the first
 * cell of the section's table exists in the view. A section may take another view's columns by
 * saying "the columns of `other`". Headings inside code fences do not count, so an unclosed fence
 * (which hides what follows it when the page is rendered) fails here.
 */
class PublicViewsDocumentedTest {
    private static final Pattern TICKED = Pattern.compile("`([a-z_][a-z0-9_]*)`");
    private static final Pattern COLUMNS_OF = Pattern.compile("columns of\\s+`([a-z_][a-z0-9_]*)`");

    /** One heading's text, without the code fences' contents, keyed by heading line. */
    record Section(String heading, String body) {
    }

    static List<Section> sections(String markdown) {
        List<Section> out = new ArrayList<>();
        String heading = null;
        StringBuilder body = new StringBuilder();
        boolean inFence = false;
        for (String line : markdown.split("\n", -1)) {
            if (line.startsWith("```")) {
                inFence = !inFence;
                continue;
            }
            if (inFence) continue;
            if (line.startsWith("## ") || line.startsWith("### ")) {
                if (heading != null) out.add(new Section(heading, body.toString()));
                heading = line;
                body.setLength(0);
            } else {
                body.append(line).append('\n');
            }
        }
        if (inFence) throw new AssertionError("sql/README.md ends inside a code fence (a ``` is not closed)");
        if (heading != null) out.add(new Section(heading, body.toString()));
        return out;
    }

    /** The sections whose {@code ###} heading names the view in backticks. */
    static List<Section> sectionsOf(List<Section> all, String view) {
        return all.stream().filter(s -> s.heading().startsWith("### ") && s.heading().contains("`" + view + "`")).toList();
    }

    /** Everything in backticks in a view's sections (and the sections it takes columns from). */
    static Set<String> documented(List<Section> all, String view, Set<String> seen) {
        Set<String> names = new LinkedHashSet<>();
        if (!seen.add(view)) return names;
        for (Section s : sectionsOf(all, view)) {
            Matcher m = TICKED.matcher(s.body());
            while (m.find()) names.add(m.group(1));
            Matcher of = COLUMNS_OF.matcher(s.body());
            while (of.find()) names.addAll(documented(all, of.group(1), seen));
        }
        return names;
    }

    /** The names in backticks in the first cell of each row of the view's column tables. */
    static Set<String> tabled(List<Section> all, String view) {
        Set<String> names = new LinkedHashSet<>();
        for (Section s : sectionsOf(all, view)) {
            boolean columnTable = false;
            for (String line : s.body().split("\n")) {
                if (!line.startsWith("|")) {
                    columnTable = false;
                    continue;
                }
                String first = line.split("\\|", -1)[1].strip();
                if (first.equals("column")) {
                    columnTable = true;
                    continue;
                }
                if (!columnTable || first.startsWith("---")) continue;
                Matcher m = TICKED.matcher(first);
                while (m.find()) names.add(m.group(1));
            }
        }
        return names;
    }

    static Map<String, List<String>> columnsOfEveryView(Warehouse w) throws Exception {
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (String v : PublicViews.names(w)) {
            List<String> cols = new ArrayList<>();
            try (PreparedStatement p = w.connection().prepareStatement("SELECT column_name FROM information_schema.columns "
                    + "WHERE table_schema = 'main' AND table_name = ? ORDER BY ordinal_position")) {
                p.setString(1, v);
                try (ResultSet rs = p.executeQuery()) {
                    while (rs.next()) cols.add(rs.getString(1));
                }
            }
            out.put(v, cols);
        }
        return out;
    }

    @Test
    void everyPublicViewsColumnsAreTheColumnsOfItsSection() throws Exception {
        List<Section> all = sections(Files.readString(Path.of("sql", "README.md")));
        Map<String, List<String>> views;
        try (Warehouse w = Warehouse.inMemory()) {
            views = columnsOfEveryView(w);
        }
        List<String> problems = new ArrayList<>();
        for (Map.Entry<String, List<String>> e : views.entrySet()) {
            String view = e.getKey();
            if (sectionsOf(all, view).isEmpty()) {
                problems.add(view + ": no ### section names it");
                continue;
            }
            Set<String> doc = documented(all, view, new java.util.HashSet<>());
            Set<String> missing = new TreeSet<>(e.getValue());
            missing.removeAll(doc);
            if (!missing.isEmpty()) problems.add(view + ": columns not documented " + missing);
            Set<String> extra = new TreeSet<>(tabled(all, view));
            extra.removeAll(e.getValue());
            if (!extra.isEmpty()) problems.add(view + ": documented columns the view lacks " + extra);
        }
        assertEquals(List.of(), problems, views.size() + " public views");
    }

    @Test
    void anUnclosedFenceHidesTheSectionsAfterIt() {
        // The README had an unclosed ```sql before `kpi_targets`: the section vanished when rendered.
        String md = "### `a`\n`x`\n```sql\nSELECT 1;\n\n### `kpi_targets`\n`y`\n";
        AssertionError e = org.junit.jupiter.api.Assertions.assertThrows(AssertionError.class, () -> sections(md));
        org.junit.jupiter.api.Assertions.assertTrue(e.getMessage().contains("code fence"), e.getMessage());
        String closed = "### `a`\n`x`\n```sql\nSELECT 1;\n```\n\n### `kpi_targets`\n`y`\n";
        assertEquals(List.of("y"), List.copyOf(documented(sections(closed), "kpi_targets", new java.util.HashSet<>())));
    }
}
