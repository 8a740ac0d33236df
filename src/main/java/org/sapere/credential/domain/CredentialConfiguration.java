package org.sapere.credential.domain;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** One Data Integrity engine over the offline contexts, shared by signing and verifying. */
@Configuration(proxyBeanMethods = false)
class CredentialConfiguration {

    @Bean
    DataIntegrity dataIntegrity() {
        return new DataIntegrity(new Contexts());
    }
}
