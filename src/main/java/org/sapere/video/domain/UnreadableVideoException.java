package org.sapere.video.domain;

/** The file is not a video Sapere can process; {@code messageKey} says why in the author's language. */
public class UnreadableVideoException extends RuntimeException {

    private final String messageKey;

    public UnreadableVideoException(String messageKey, String detail) {
        super(detail);
        this.messageKey = messageKey;
    }

    public String messageKey() {
        return messageKey;
    }
}
