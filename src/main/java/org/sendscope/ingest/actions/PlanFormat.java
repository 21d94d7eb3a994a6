package org.sendscope.ingest.actions;

import java.util.List;
import java.util.Locale;

/**
 * The shapes of action plan the loader knows: BCP's improvement plan (Ref / Origin / Action / Lead /
 * Deadline / RAG table under eight priorities), Hull's strategic plan (nine-column table with Start
 * and Due dates, SEF/DBV/AFI codes and a RAGP status phrase), Bedford's statement of action (numbered
 * actions 1.1.1 … with completion dates such as {@code Jul-18}), and a tracker spreadsheet with a
 * header row.
 */
public enum PlanFormat {
    BCP, HULL, BEDFORD, TRACKER;

    /** The name used on the command line and in the warehouse. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Reads a {@code --format} value. */
    public static PlanFormat of(String code) {
        for (PlanFormat f : values()) if (f.code().equalsIgnoreCase(code.strip())) return f;
        throw new IllegalArgumentException("unknown format '" + code + "' (bcp, hull, bedford or tracker)");
    }

    /**
     * Recognises a plan document's shape from its text, or null. Looks for each shape's table header,
     * so a committee pack that carries a plan inside it is recognised too.
     */
    public static PlanFormat detect(List<String> lines) {
        int bcp = 0;
        for (String l : lines) {
            String s = l.replaceAll("\\s+", " ").strip();
            if (s.matches("(?i).*\\bRe ?f Origin Action Lead Deadline RAG\\b.*")) bcp++;
            if (s.startsWith("What do we want to achieve") && s.contains("Due Date") && s.contains("Status")) return HULL;
            if (s.contains("Key actions to address area for development") && s.contains("Completion date")) {
                return BEDFORD;
            }
        }
        return bcp > 0 ? BCP : null;
    }
}
