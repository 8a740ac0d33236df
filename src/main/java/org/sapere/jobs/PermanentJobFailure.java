package org.sapere.jobs;

/** Thrown by a handler for a failure that retrying cannot fix (e.g. an unreadable input): the job fails at once. */
public class PermanentJobFailure extends RuntimeException {

    public PermanentJobFailure(String message) {
        super(message);
    }

    public PermanentJobFailure(String message, Throwable cause) {
        super(message, cause);
    }
}
