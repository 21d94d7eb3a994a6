package org.sendscope.analysis;

import org.sendscope.vocabulary.StoredCode;

import java.util.Locale;

/**
 * Which way is better for a measure: the catalogue's {@code polarity} column, or a local KPI's
 * required direction of travel. A neutral measure (a count of plans, say) is described, not judged.
 */
public enum Polarity implements StoredCode {
    HIGHER_IS_BETTER,
    LOWER_IS_BETTER,
    NEUTRAL;

    /**
     * Reads a polarity as the warehouse or a scorecard writes it: {@code higher_is_better},
     * {@code lower_is_better}, {@code neutral}, LAIT's {@code High}/{@code Low}, or the words
     * {@code up}/{@code down}/{@code increase}/{@code decrease}. Anything else (NULL included) is neutral.
     */
    public static Polarity of(String text) {
        if (text == null) return NEUTRAL;
        String t = text.strip().toLowerCase(Locale.ROOT);
        return switch (t) {
            case "higher_is_better", "high", "higher", "up", "increase", "increasing" -> HIGHER_IS_BETTER;
            case "lower_is_better", "low", "lower", "down", "decrease", "decreasing" -> LOWER_IS_BETTER;
            default -> NEUTRAL;
        };
    }

    /** +1 when a rise is better, -1 when a fall is better, 0 when neither. */
    public int sign() {
        return switch (this) {
            case HIGHER_IS_BETTER -> 1;
            case LOWER_IS_BETTER -> -1;
            case NEUTRAL -> 0;
        };
    }

    /** True when the measure has a better direction (so it can be judged, ranked best-first and RAG-rated). */
    public boolean isJudged() {
        return this != NEUTRAL;
    }
}
