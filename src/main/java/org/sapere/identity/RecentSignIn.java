package org.sapere.identity;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Duration;
import java.time.Instant;

/**
 * When the session's person last proved who they are (password, passkey, second factor, single sign-on).
 * Actions that cannot be undone and have no password to ask for again (erasing a passwordless account) require a
 * sign-in within the last few minutes.
 */
public final class RecentSignIn {

    public static final String ATTRIBUTE = "sapere.signedInAt";
    public static final Duration FRESH = Duration.ofMinutes(10);

    private RecentSignIn() {}

    public static void mark(HttpServletRequest request) {
        request.getSession().setAttribute(ATTRIBUTE, Instant.now());
    }

    public static boolean isFresh(HttpServletRequest request) {
        var session = request.getSession(false);
        return session != null
                && session.getAttribute(ATTRIBUTE) instanceof Instant at
                && at.plus(FRESH).isAfter(Instant.now());
    }
}
