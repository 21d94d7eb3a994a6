package org.sendscope.ingest.paper;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.sendscope.period.LocalPeriods;

/**
 * What a PDF prints on every page rather than in the text: page numbers ({@code 4},
 * {@code Page 4 of 9}, {@code - 4 -}), running heads and feet (a short line that recurs in
 * the document, page numbers aside) and a caption saying the table is continued. A table broken by a page break has such lines, and blank
 * ones, between its last row on one page and its first on the next.
 */
final class PageFurniture {
    private static final Pattern PAGE_NUMBER = Pattern.compile(
            "(?:page\\s*)?\\d{1,4}(?:\\s*(?:of|/)\\s*\\d{1,4})?|-\\s*\\d{1,4}\\s*-|\\d{1,4}\\s*\\|\\s*page|page\\s*\\|\\s*\\d{1,4}");
    /** A caption saying the table goes on: "Table 1: SEND performance (continued)", "KPIs cont'd". */
    private static final Pattern CONTINUED = Pattern.compile(".*\\b(?:continued|cont'?d|cont\\.)\\W*");
    /** Running heads are short; a recurring long line is text (a repeated heading or caption at most). */
    private static final int MAX_RUNNING_HEAD = 120;

    private final Map<String, Integer> occurrences;

    private PageFurniture(Map<String, Integer> occurrences) {
        this.occurrences = occurrences;
    }

    /** Counts the lines of a document that could be running heads or feet. */
    static PageFurniture of(String[] lines) {
        Map<String, Integer> seen = new HashMap<>();
        for (String line : lines) {
            if (line.indexOf('\t') >= 0 || line.isBlank() || line.strip().length() > MAX_RUNNING_HEAD) continue;
            seen.merge(shape(line), 1, Integer::sum);
        }
        return new PageFurniture(seen);
    }

    /** True for a page number, a "(continued)" caption or a line that recurs in the document (a running head or foot). */
    boolean isFurniture(String line) {
        if (line.indexOf('\t') >= 0 || line.isBlank()) return false;
        String t = line.strip().toLowerCase(Locale.ROOT);
        if (PAGE_NUMBER.matcher(t).matches()) return true;
        if (t.length() <= MAX_RUNNING_HEAD && CONTINUED.matcher(LocalPeriods.latin(t)).matches()) return true;
        return t.length() <= MAX_RUNNING_HEAD && occurrences.getOrDefault(shape(line), 0) >= 2;
    }

    /** A line with its numbers taken out, so that "Page 4" and "Page 5" of one running foot match. */
    private static String shape(String line) {
        return line.strip().replaceAll("\\s+", " ").replaceAll("\\d+", "#").toLowerCase(Locale.ROOT);
    }
}
