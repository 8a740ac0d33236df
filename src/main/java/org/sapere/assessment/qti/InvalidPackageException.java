package org.sapere.assessment.qti;

/**
 * A content package that cannot be read safely or is not a QTI package; {@code messageKey} says why in the
 * author's language, {@code argument} names the file or entry concerned.
 */
public class InvalidPackageException extends RuntimeException {

    private final String messageKey;
    private final String argument;

    public InvalidPackageException(String messageKey, String argument, String detail) {
        super(messageKey + " (" + argument + "): " + detail);
        this.messageKey = messageKey;
        this.argument = argument;
    }

    public String messageKey() {
        return messageKey;
    }

    public String argument() {
        return argument;
    }
}
