package org.sendscope.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The project's hand-written tab-separated tables shipped as resources ({@code sen2_columns.tsv},
 * {@code plausibility.tsv}, {@code breakdowns.tsv}): {@code #} lines are comments, blank lines are
 * skipped, the first other line is the header, and a cell may be empty.
 */
public final class ResourceTable {
    private ResourceTable() {
    }

    /** The text of a resource next to {@code owner}; a missing resource is a broken build. */
    public static String text(Class<?> owner, String resource) {
        try (InputStream in = owner.getResourceAsStream(resource)) {
            if (in == null) throw new IllegalStateException("missing resource " + resource);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The rows below the header of a resource next to {@code owner}, cells split on tabs. */
    public static List<String[]> rows(Class<?> owner, String resource) {
        return rows(text(owner, resource));
    }

    /** The rows below the header of a table's text. */
    public static List<String[]> rows(String text) {
        List<String[]> rows = new ArrayList<>();
        boolean header = true;
        for (String line : text.split("\r?\n")) {
            if (line.isBlank() || line.startsWith("#")) continue;
            if (header) {
                header = false;
                continue;
            }
            rows.add(line.split("\t", -1));
        }
        return rows;
    }
}
