package org.sapere.assessment.domain;

import org.jspecify.annotations.Nullable;

/** Whether one typed answer is right and, when the scorer can tell, a message key saying why it is not. */
record Verdict(boolean correct, @Nullable String reason) {

    static final Verdict RIGHT = new Verdict(true, null);
    static final Verdict WRONG = new Verdict(false, null);

    static Verdict wrong(String reason) {
        return new Verdict(false, reason);
    }
}
