package org.sapere.lrs.web;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.sapere.lrs.domain.Clients;
import org.sapere.shared.web.SecurityRules;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;

/**
 * /xapi is an API for content and apps, not pages: its own filter chain, before the application's, stateless,
 * HTTP Basic against client credentials, no CSRF (no cookies), CORS open to browser content, JSON errors.
 */
@Configuration(proxyBeanMethods = false)
class LrsSecurityConfiguration {

    @Bean
    @Order(1)
    SecurityFilterChain xapiFilterChain(HttpSecurity http, Clients clients) throws Exception {
        http.securityMatcher("/xapi/**")
                .authorizeHttpRequests(requests -> requests.requestMatchers(HttpMethod.OPTIONS, "/xapi/**")
                        .permitAll()
                        .requestMatchers("/xapi/about", "/xapi/about/")
                        .permitAll()
                        .anyRequest()
                        // Only record-store clients: a signed-in web session is never a credential here.
                        .hasAuthority(ClientAuthentication.LRS_CLIENT))
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable())
                .requestCache(cache -> cache.disable())
                .cors(cors -> cors.configurationSource(cors()))
                .addFilterBefore(new ClientAuthentication(clients), BasicAuthenticationFilter.class)
                .exceptionHandling(ex -> ex.authenticationEntryPoint(
                                (request, response, e) -> ClientAuthentication.unauthorized(response))
                        .accessDeniedHandler((request, response, e) -> {
                            response.setStatus(403);
                            response.setContentType("application/json");
                            response.getOutputStream()
                                    .write("{\"error\":\"Forbidden\"}".getBytes(StandardCharsets.UTF_8));
                        }));
        return http.build();
    }

    private static UrlBasedCorsConfigurationSource cors() {
        var config = new CorsConfiguration();
        config.setAllowedOriginPatterns(List.of("*"));
        config.setAllowedMethods(List.of("GET", "HEAD", "POST", "PUT", "DELETE", "OPTIONS"));
        config.setAllowedHeaders(List.of("*"));
        config.setExposedHeaders(List.of(
                "ETag",
                "Last-Modified",
                "X-Experience-API-Version",
                "X-Experience-API-Consistent-Through",
                "Location"));
        config.setMaxAge(3600L);
        var source = new UrlBasedCorsConfigurationSource();
        source.registerCorsConfiguration("/xapi/**", config);
        return source;
    }

    /** The admin pages for credentials are for platform admins only. */
    @Bean
    SecurityRules lrsRules() {
        return requests ->
                requests.requestMatchers("/admin/lrs/**", "/admin/lrs").hasRole("PLATFORM_ADMIN");
    }
}
