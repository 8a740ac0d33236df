package org.sapere.sso.web;

import org.sapere.shared.web.SecurityRules;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class SsoSecurityRules {

    /**
     * The way out to a provider and the way back are open to anyone (the filters answer them before any
     * controller). The admin page needs a full sign-in, and its controller checks the organisation.
     */
    @Bean
    SecurityRules ssoRules() {
        return requests -> requests.requestMatchers("/oauth2/authorization/*", "/login/oauth2/code/*")
                .permitAll();
    }
}
