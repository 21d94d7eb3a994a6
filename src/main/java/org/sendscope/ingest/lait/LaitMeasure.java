package org.sendscope.ingest.lait;

import java.util.Locale;

/**
 * One LAIT measure as the data dictionary describes it: LAIT's short description (its key in the
 * data), the warehouse measure code made from it, and the words the dictionary gives.
 *
 * @param line the dictionary line the description starts on, for messages
 */
public record LaitMeasure(String shortDesc, String title, String unit, String polarity, String topic,
                          String definition, LaitYearType yearType, long line) {

    /**
     * The warehouse code of a LAIT measure: {@code lait_} and its short description in snake case,
     * with {@code %} as {@code pct}, {@code &} as {@code and} and {@code <} as {@code under}
     * ({@code LAC_SGO_FFC_Rel%} → {@code lait_lac_sgo_ffc_rel_pct}).
     */
    public static String code(String shortDesc) {
        String s = shortDesc.replace("%", "_pct").replace("&", "_and_").replace("<", "_under_")
                .toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_").replaceAll("^_+|_+$", "");
        return "lait_" + s;
    }

    /** This measure's warehouse code. */
    public String code() {
        return code(shortDesc);
    }
}
