package org.sendscope.spark;

/**
 * A mistake in what a Spark job was given (a missing input, a bad setting), reported in one line
 * with exit code 1; anything else a job throws is a bug.
 */
public class JobException extends RuntimeException {
    public JobException(String message) {
        super(message);
    }
}
