package org.sapere.config;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.sapere.identity.SignInStage;
import org.sapere.shared.web.SecurityRules;
import org.sapere.shared.web.SignInMethod;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandlerImpl;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.csrf.CsrfTokenRequestHandler;
import org.springframework.security.web.csrf.XorCsrfTokenRequestAttributeHandler;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;

/**
 * One filter chain: each module's {@link SecurityRules} first, then everything else needs a signed-in person.
 * Form login and the other sign-in methods modules add ({@link SignInMethod}, e.g. a university's OpenID provider),
 * CSRF on every form, a strict content security policy (no inline scripts or styles).
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "font-src 'self'; media-src 'self' blob:; worker-src 'self' blob:; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    @Bean
    SecurityFilterChain securityFilterChain(
            HttpSecurity http,
            List<SecurityRules> moduleRules,
            List<SignInMethod> signInMethods,
            AuthenticationFailureHandler signInFailures,
            AuthenticationSuccessHandler signInSuccess)
            throws Exception {
        http.authorizeHttpRequests(requests -> {
                    requests.requestMatchers(
                                    "/css/**",
                                    "/js/**",
                                    "/img/**",
                                    "/webjars/**",
                                    "/favicon.ico",
                                    "/sw.js",
                                    "/manifest.webmanifest",
                                    "/error",
                                    "/error/**")
                            .permitAll();
                    requests.requestMatchers("/actuator/health/**", "/actuator/health", "/actuator/prometheus")
                            .permitAll();
                    moduleRules.forEach(rules -> rules.apply(requests));
                    // Fully signed in: a session still owing its second factor has only a SignInStage authority.
                    requests.anyRequest().hasRole("LEARNER");
                })
                .formLogin(form -> form.loginPage("/login")
                        .permitAll()
                        .failureHandler(signInFailures)
                        .successHandler(signInSuccess))
                .logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/?signedOut"))
                .headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(CSP))
                        .referrerPolicy(referrer -> referrer.policy(
                                ReferrerPolicyHeaderWriter.ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN)))
                .csrf(csrf -> csrf.csrfTokenRequestHandler(new TamperProofCsrfHandler()))
                .exceptionHandling(ex -> ex.accessDeniedHandler(SecurityConfiguration::accessDenied));
        for (var method : signInMethods) {
            method.configure(http);
        }
        return http.build();
    }

    /** A sign-in still owing its second factor is sent to that step; anyone else gets the 403 page. */
    private static void accessDenied(
            HttpServletRequest request, HttpServletResponse response, AccessDeniedException denied)
            throws IOException, jakarta.servlet.ServletException {
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        var authorities = authentication == null
                ? List.<String>of()
                : authentication.getAuthorities().stream()
                        .map(GrantedAuthority::getAuthority)
                        .toList();
        if (authorities.contains(SignInStage.TWO_FACTOR_PENDING)) {
            response.sendRedirect(request.getContextPath() + "/login/two-factor");
        } else if (authorities.contains(SignInStage.TWO_FACTOR_SETUP)) {
            response.sendRedirect(request.getContextPath() + "/account/two-factor");
        } else {
            new AccessDeniedHandlerImpl() {
                {
                    setErrorPage("/error/403");
                }
            }.handle(request, response, denied);
        }
    }

    /**
     * Spring Security's default handler throws (and the request ends in a 500) when a tampered token no longer
     * decodes as UTF-8; such a token is simply invalid, so the person gets the 403 page like any other.
     */
    static final class TamperProofCsrfHandler implements CsrfTokenRequestHandler {

        private final XorCsrfTokenRequestAttributeHandler delegate = new XorCsrfTokenRequestAttributeHandler();

        @Override
        public void handle(HttpServletRequest request, HttpServletResponse response, Supplier<CsrfToken> csrfToken) {
            delegate.handle(request, response, csrfToken);
        }

        @Override
        public @Nullable String resolveCsrfTokenValue(HttpServletRequest request, CsrfToken csrfToken) {
            try {
                return delegate.resolveCsrfTokenValue(request, csrfToken);
            } catch (IllegalArgumentException tampered) {
                return null;
            }
        }
    }

    /**
     * No Micrometer observation per security filter: it wraps each of the dozen filters on every request and was
     * a visible share of the time on the fastest pages. HTTP request metrics still cover every request.
     */
    @Bean
    SecurityObservationSettings securityObservationSettings() {
        return SecurityObservationSettings.noObservations();
    }

    /** Argon2id with the parameters Spring Security recommends (16 MiB memory, 2 iterations). */
    @Bean
    PasswordEncoder passwordEncoder() {
        return Argon2PasswordEncoder.defaultsForSpringSecurity_v5_8();
    }
}
