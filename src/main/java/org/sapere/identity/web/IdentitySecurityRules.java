package org.sapere.identity.web;

import org.sapere.shared.web.SecurityRules;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class IdentitySecurityRules {

    @Bean
    SecurityRules identityRules() {
        return requests -> requests.requestMatchers(
                        "/login", "/register", "/verify-email", "/forgot-password", "/reset-password", "/privacy")
                .permitAll();
    }
}
