package org.sapere.assessment.domain;

/**
 * A rubric grade that does not fit its essay: a criterion left ungraded, or a criterion or level the rubric does not
 * have. {@code messageKey} names the rule in the message bundles and {@code argument} the criterion or level id.
 */
public class InvalidGradeException extends RuntimeException {

    private final String messageKey;
    private final String argument;

    public InvalidGradeException(String messageKey, String argument) {
        super(messageKey + ": " + argument);
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
