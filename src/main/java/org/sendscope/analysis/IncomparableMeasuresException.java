package org.sendscope.analysis;

/**
 * Refuses a comparison between two measures the catalogue does not call comparable
 * ({@code measures.comparable_with}), such as the school census's pupils with an EHCP against
 * SEN2's EHC plans: showing them side by side would suggest they count the same thing.
 */
public class IncomparableMeasuresException extends IllegalArgumentException {
    public IncomparableMeasuresException(String message) {
        super(message);
    }
}
