package org.sapere.credential.web;

import org.sapere.shared.web.SecurityRules;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

/**
 * Verification is for everyone, signed in or not: the verification pages, the credential files, the issuers' DID
 * documents and status lists. The wallet and the transcript are the holder's; revoking is checked per credential.
 */
@Configuration(proxyBeanMethods = false)
class CredentialSecurityRules {

    @Bean
    SecurityRules credentialRules() {
        return requests -> requests.requestMatchers("/credentials/transcript.json", "/credentials/transcript.pdf")
                .hasRole("LEARNER")
                .requestMatchers(
                        HttpMethod.GET,
                        "/verify",
                        "/verify/*",
                        "/credentials/*.json",
                        "/credentials/*.pdf",
                        "/organisations/*/did.json",
                        "/organisations/*/credentials/status/*",
                        "/learners/*/credentials")
                .permitAll()
                .requestMatchers(HttpMethod.POST, "/verify")
                .permitAll();
    }
}
