package org.sendscope.ees;

/**
 * The EES API could not give what was asked: the server refused it (a data set or version that
 * does not exist), kept failing after the retries, answered too slowly, or sent a download that
 * is not complete. Always the user's to act on (check the id, try later), never a bug here.
 */
public class EesException extends RuntimeException {
    public EesException(String message) {
        super(message);
    }

    public EesException(String message, Throwable cause) {
        super(message, cause);
    }
}
