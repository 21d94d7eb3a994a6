package org.sendscope.analysis;

import org.sendscope.vocabulary.StoredCode;

/**
 * Red, amber or green against a target, as BCP's scorecard keys it: green "at or above target
 * level" (or at or below, for a lower-is-better measure), amber "within tolerance" of it
 * ({@link Tolerance#amberBand}), red "below tolerance level".
 */
public enum Rag implements StoredCode {
    RED,
    AMBER,
    GREEN;

    /**
     * The RAG rating of {@code value} against {@code target}.
     *
     * @return null when there is no value or target, or the measure has no better direction
     */
    public static Rag judge(Double value, Double target, Polarity polarity, String unit) {
        if (value == null || target == null || value.isNaN() || target.isNaN() || !polarity.isJudged()) return null;
        // How far the value is short of target, in the "worse" direction (<= 0 means met).
        double shortfall = (target - value) * polarity.sign();
        if (shortfall <= 1e-9) return GREEN;
        return shortfall <= Tolerance.amberBand(unit, target) + 1e-9 ? AMBER : RED;
    }
}
