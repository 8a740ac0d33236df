package org.sapere.shared.web;

import java.util.List;

/**
 * The other ways of signing in that the sign-in page offers as buttons, e.g. "Sign in with TU Delft". A module that
 * adds a {@link SignInMethod} declares one bean of this kind, so the sign-in page never knows the module itself.
 */
@FunctionalInterface
public interface SignInOptions {

    List<Option> signInOptions();

    /**
     * One button.
     *
     * @param name what follows "Sign in with", e.g. the university's short name
     * @param href where the button leads (a GET that starts the sign-in)
     */
    record Option(String name, String href) {}
}
