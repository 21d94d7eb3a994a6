package org.sendscope.analysis;

import org.sendscope.vocabulary.StoredCode;

/**
 * Which way a measure moved between two periods, judged against its polarity: improving,
 * worsening or flat (within {@link Tolerance#flat}). A neutral measure is only described: rising,
 * falling or flat.
 */
public enum DirectionOfTravel implements StoredCode {
    IMPROVING,
    WORSENING,
    FLAT,
    RISING,
    FALLING;

    /**
     * The direction from {@code previous} to {@code current}.
     *
     * @return null when either value is missing
     */
    public static DirectionOfTravel judge(Double previous, Double current, Polarity polarity, String unit) {
        if (previous == null || current == null || previous.isNaN() || current.isNaN()) return null;
        double change = current - previous;
        if (Math.abs(change) <= Tolerance.flat(unit, previous) + 1e-9) return FLAT;
        if (!polarity.isJudged()) return change > 0 ? RISING : FALLING;
        return change * polarity.sign() > 0 ? IMPROVING : WORSENING;
    }
}
