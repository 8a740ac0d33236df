package org.sapere.shared.web;

import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;

/**
 * A module's own authorization rules for its web addresses. Each module declares one bean; the security
 * configuration applies them all, then denies whatever no module claimed.
 */
@FunctionalInterface
public interface SecurityRules {

    void apply(AuthorizeHttpRequestsConfigurer<?>.AuthorizationManagerRequestMatcherRegistry requests);
}
