package org.sapere.sso.web;

import java.util.List;
import org.sapere.shared.web.SignInOptions;
import org.sapere.sso.domain.Providers;
import org.springframework.stereotype.Component;

/** "Sign in with <university>" on the sign-in page, one per organisation with an enabled provider. */
@Component
class SsoSignInOptions implements SignInOptions {

    private final Providers providers;

    SsoSignInOptions(Providers providers) {
        this.providers = providers;
    }

    @Override
    public List<Option> signInOptions() {
        return providers.enabled().stream()
                .map(p -> new Option(p.displayName(), "/oauth2/authorization/" + p.slug()))
                .toList();
    }
}
