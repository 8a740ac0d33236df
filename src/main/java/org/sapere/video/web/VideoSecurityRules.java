package org.sapere.video.web;

import org.sapere.shared.web.SecurityRules;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

@Configuration(proxyBeanMethods = false)
class VideoSecurityRules {

    /**
     * Video files are reached by signed addresses (or a lesson's public preview), checked by the controller: no
     * session is needed, so a CDN can fetch them. Everything else (uploads, the author's pages, progress reports)
     * needs a signed-in person, and the controllers check which course each one may touch.
     */
    @Bean
    SecurityRules videoRules() {
        return requests -> requests.requestMatchers(HttpMethod.GET, "/media/v/**")
                .permitAll()
                .requestMatchers(HttpMethod.HEAD, "/media/v/**")
                .permitAll();
    }
}
