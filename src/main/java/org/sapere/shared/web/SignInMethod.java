package org.sapere.shared.web;

import org.springframework.security.config.annotation.web.builders.HttpSecurity;

/**
 * A way of signing in besides the password form (e.g. a university's OpenID provider), added by the module that
 * owns it to the one filter chain. The security configuration calls every such bean before it builds the chain.
 */
@FunctionalInterface
public interface SignInMethod {

    void configure(HttpSecurity http) throws Exception;
}
