package org.sapere.identity.web;

import org.sapere.identity.SignInStage;
import org.sapere.shared.web.SecurityRules;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

@Configuration(proxyBeanMethods = false)
class IdentitySecurityRules {

    @Bean
    SecurityRules identityRules() {
        return requests -> requests.requestMatchers("/admin/audit", "/admin/accounts", "/admin/accounts/**")
                .hasRole("PLATFORM_ADMIN")
                .requestMatchers("/login/two-factor")
                .hasAuthority(SignInStage.TWO_FACTOR_PENDING)
                .requestMatchers(HttpMethod.GET, "/account/two-factor")
                .hasAnyAuthority("ROLE_LEARNER", SignInStage.TWO_FACTOR_SETUP)
                .requestMatchers(HttpMethod.POST, "/account/two-factor")
                .hasAnyAuthority("ROLE_LEARNER", SignInStage.TWO_FACTOR_SETUP)
                .requestMatchers(HttpMethod.POST, "/login/passkey", "/login/passkey/options")
                .permitAll()
                .requestMatchers(HttpMethod.GET, "/alumni/confirm", "/organisations/*/logo")
                .permitAll()
                .requestMatchers(
                        "/login",
                        "/register",
                        "/verify-email",
                        "/forgot-password",
                        "/reset-password",
                        "/privacy",
                        "/account-deleted")
                .permitAll();
    }
}
