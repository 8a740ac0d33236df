package org.sapere.identity;

import java.time.Instant;
import org.springframework.security.core.AuthenticationException;

/** Too many failed sign-ins: the person may try again at {@link #retryAt()}. */
public class SignInThrottledException extends AuthenticationException {

    private final Instant retryAt;

    public SignInThrottledException(Instant retryAt) {
        super("Too many failed sign-ins; try again at " + retryAt);
        this.retryAt = retryAt;
    }

    public Instant retryAt() {
        return retryAt;
    }
}
