package org.sendscope.cli;

/** A mistake the user can fix, reported as one line with exit code 1. */
public class UserException extends RuntimeException {
    public UserException(String message) {
        super(message);
    }
}
