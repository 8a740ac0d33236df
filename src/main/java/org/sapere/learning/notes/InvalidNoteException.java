package org.sapere.learning.notes;

/** A note that cannot be stored as written; {@code messageKey} names the message that says why. */
class InvalidNoteException extends RuntimeException {

    private final String messageKey;

    InvalidNoteException(String messageKey) {
        super(messageKey);
        this.messageKey = messageKey;
    }

    String messageKey() {
        return messageKey;
    }
}
