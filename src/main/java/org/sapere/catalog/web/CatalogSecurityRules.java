package org.sapere.catalog.web;

import org.sapere.shared.web.SecurityRules;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

@Configuration(proxyBeanMethods = false)
class CatalogSecurityRules {

    /**
     * The home page, the catalogue, course and university pages and the sitemap are public; nothing below a
     * course page is.
     */
    @Bean
    SecurityRules catalogRules() {
        return requests -> requests.requestMatchers(
                        HttpMethod.GET, "/", "/courses", "/courses/*", "/universities/*", "/sitemap.xml")
                .permitAll();
    }
}
