package org.sapere.identity;

import org.jspecify.annotations.Nullable;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;

/**
 * Authorities of a sign-in that is not finished: the password was right, but a second factor is still to be
 * given (or, for an admin without one, to be set up). Such a session reaches only the pages of that step.
 */
public final class SignInStage {

    public static final String TWO_FACTOR_PENDING = "ROLE_TWO_FACTOR_PENDING";
    public static final String TWO_FACTOR_SETUP = "ROLE_TWO_FACTOR_SETUP";

    private SignInStage() {}

    /** Where a sign-in goes next when a second factor is still owed: that step's address, or null if none is. */
    public static @Nullable String pendingStep(Authentication authentication) {
        var authorities = authentication.getAuthorities().stream()
                .map(GrantedAuthority::getAuthority)
                .toList();
        if (authorities.contains(TWO_FACTOR_PENDING)) {
            return "/login/two-factor";
        }
        return authorities.contains(TWO_FACTOR_SETUP) ? "/account/two-factor" : null;
    }
}
