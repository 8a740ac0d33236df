package org.sapere.assessment.quiz;

/** A quiz action that cannot be done now, with the message key saying why (shown to the learner). */
public final class QuizRefusedException extends RuntimeException {

    private final String messageKey;
    private final transient Object[] args;

    public QuizRefusedException(String messageKey, Object... args) {
        super(messageKey);
        this.messageKey = messageKey;
        this.args = args.clone();
    }

    public String messageKey() {
        return messageKey;
    }

    public Object[] args() {
        return args.clone();
    }
}
