package org.sapere.lrs;

/** A statement that xAPI 1.0.3 does not allow; the message names the property. */
public class InvalidStatementException extends RuntimeException {

    public InvalidStatementException(String message) {
        super(message);
    }
}
