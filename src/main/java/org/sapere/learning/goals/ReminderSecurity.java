package org.sapere.learning.goals;

import org.sapere.shared.web.SecurityRules;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.AndRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/** Who may use the reminder's unsubscribe link: anyone who has it, signed in or not. */
@Configuration(proxyBeanMethods = false)
class ReminderSecurity {

    private static final String UNSUBSCRIBE = UnsubscribeController.PATH + "*";

    /** The confirmation page and its form (with its CSRF token, like every form). */
    @Bean
    SecurityRules learningReminderRules() {
        return requests -> requests.requestMatchers(HttpMethod.GET, UNSUBSCRIBE)
                .permitAll()
                .requestMatchers(HttpMethod.POST, UNSUBSCRIBE)
                .permitAll();
    }

    /**
     * A mail program's one-click unsubscribe (RFC 8058): a POST of {@code List-Unsubscribe=One-Click} to the link,
     * sent from the mail provider's servers with no session and so no CSRF token. CSRF protection guards what a
     * session may do; this request has no session, and the unguessable token in the address is its only credential
     * (a forged request would need the token itself). So only this exact request skips CSRF, in a stateless chain.
     */
    @Bean
    @Order(2)
    SecurityFilterChain oneClickUnsubscribe(HttpSecurity http) throws Exception {
        RequestMatcher oneClick = request -> "One-Click".equals(request.getParameter("List-Unsubscribe"));
        http.securityMatcher(new AndRequestMatcher(
                        PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.POST, UNSUBSCRIBE), oneClick))
                .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable())
                .requestCache(cache -> cache.disable());
        return http.build();
    }
}
