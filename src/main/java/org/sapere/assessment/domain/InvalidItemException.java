package org.sapere.assessment.domain;

/**
 * An item that cannot be asked or scored as written, found when it is built. {@code messageKey} (such as
 * {@code assessment.item.noCorrectOption}) names the rule in the message bundles, and {@code argument} the id, value or
 * count that broke it, so the author's form can say exactly what to fix.
 */
public class InvalidItemException extends RuntimeException {

    private final String messageKey;
    private final Object argument;

    public InvalidItemException(String messageKey, Object argument) {
        super(messageKey + ": " + argument);
        this.messageKey = messageKey;
        this.argument = argument;
    }

    public String messageKey() {
        return messageKey;
    }

    public Object argument() {
        return argument;
    }
}
