package org.sendscope.finance;

/** A mistake in a scenario file, reported as {@code FILE line N, key a.b: what is wrong}. */
public final class ScenarioFileException extends RuntimeException {
    public ScenarioFileException(String message) {
        super(message);
    }
}
