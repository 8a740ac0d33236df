package org.sapere.sso.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.Serial;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.sapere.identity.ExternalSignIn;
import org.sapere.identity.SignInStage;
import org.sapere.shared.web.PageContext;
import org.sapere.shared.web.SignInMethod;
import org.sapere.sso.domain.FederatedSignIn;
import org.sapere.sso.domain.OrganisationClientRegistrations;
import org.sapere.sso.domain.Providers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.config.ObjectPostProcessor;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestRedirectFilter;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * OpenID Connect sign-in, added to the one filter chain. The provider's answer is turned into the same session a
 * password gives: the principal is identity's {@code SignedInUser} with its authorities, or only the second-factor
 * stage it still owes. Every refusal goes back to the sign-in page with a reason, never to an error page.
 */
@Component
class SsoSignIn implements SignInMethod {

    private static final Logger log = LoggerFactory.getLogger(SsoSignIn.class);

    private final OrganisationClientRegistrations registrations;
    private final Providers providers;
    private final FederatedSignIn federated;
    private final ExternalSignIn audit;
    private final OidcUserService oidcUsers = new OidcUserService();
    private final SavedRequestAwareAuthenticationSuccessHandler whereTheyWereGoing =
            new SavedRequestAwareAuthenticationSuccessHandler();
    private final HttpSessionSecurityContextRepository sessions = new HttpSessionSecurityContextRepository();

    SsoSignIn(
            OrganisationClientRegistrations registrations,
            Providers providers,
            FederatedSignIn federated,
            ExternalSignIn audit) {
        this.registrations = registrations;
        this.providers = providers;
        this.federated = federated;
        this.audit = audit;
    }

    @Override
    public void configure(HttpSecurity http) throws Exception {
        http.oauth2Login(login -> login.loginPage("/login")
                .clientRegistrationRepository(registrations)
                .authorizedClientRepository(new NothingKept())
                .userInfoEndpoint(userInfo -> userInfo.oidcUserService(this::loadUser))
                .successHandler(this::succeeded)
                .failureHandler(this::failed)
                .withObjectPostProcessor(new ObjectPostProcessor<OAuth2AuthorizationRequestRedirectFilter>() {
                    @Override
                    public <O extends OAuth2AuthorizationRequestRedirectFilter> O postProcess(O filter) {
                        // An unknown or unreachable provider: back to the sign-in page, not a 500.
                        filter.setAuthenticationFailureHandler(SsoSignIn.this::failed);
                        return filter;
                    }
                }));
    }

    /** The person's claims from the provider, then their Sapere account and session. */
    private OidcUser loadUser(OidcUserRequest request) {
        var user = oidcUsers.loadUser(request);
        var slug = request.getClientRegistration().getRegistrationId();
        var provider = providers
                .find(slug)
                .orElseThrow(() -> new OAuth2AuthenticationException(
                        new OAuth2Error(OAuth2ErrorCodes.INVALID_REQUEST, "No provider for " + slug, null)));
        var http = currentRequest();
        try {
            var signedIn = federated.signIn(
                    provider,
                    String.valueOf(user.getIssuer()),
                    user.getSubject(),
                    user.getClaims(),
                    language(http),
                    http == null ? null : http.getRemoteAddr());
            return new SignedInThroughProvider(user, signedIn);
        } catch (DataAccessException e) {
            // E.g. two first sign-ins of one person at once: the second finds the address taken. Try again.
            log.warn("Single sign-on through {} failed: {}", slug, e.toString());
            throw new OAuth2AuthenticationException(new OAuth2Error(OAuth2ErrorCodes.SERVER_ERROR), e);
        }
    }

    private void succeeded(HttpServletRequest request, HttpServletResponse response, Authentication authentication)
            throws IOException, jakarta.servlet.ServletException {
        if (!(authentication.getPrincipal() instanceof SignedInThroughProvider provider)) {
            failed(request, response, new OAuth2AuthenticationException(OAuth2ErrorCodes.SERVER_ERROR));
            return;
        }
        // The session holds what a password sign-in holds: identity's SignedInUser, not the provider's user.
        var signedIn = provider.signedIn();
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(signedIn);
        SecurityContextHolder.setContext(context);
        sessions.saveContext(context, request, response);
        org.sapere.identity.RecentSignIn.mark(request);
        var step = SignInStage.pendingStep(signedIn);
        if (step != null) {
            response.sendRedirect(request.getContextPath() + step);
        } else {
            whereTheyWereGoing.onAuthenticationSuccess(request, response, signedIn);
        }
    }

    private void failed(HttpServletRequest request, HttpServletResponse response, AuthenticationException exception)
            throws IOException {
        String reason;
        if (exception instanceof LockedException) {
            reason = "deactivated";
        } else if (exception instanceof DisabledException) {
            reason = "unverified";
        } else if (exception instanceof OAuth2AuthenticationException oauth) {
            var code = oauth.getError().getErrorCode();
            reason = switch (code) {
                case OAuth2ErrorCodes.ACCESS_DENIED -> "sso-denied";
                case FederatedSignIn.CONFLICT -> "sso-conflict";
                case FederatedSignIn.INCOMPLETE -> "sso-incomplete";
                default -> "sso";
            };
            if (!code.startsWith("sso_")) {
                // Refusals of our own are audited where they are decided; the provider's errors are audited here.
                audit.audit("SSO_SIGN_IN_FAILED", null, null, request.getRemoteAddr(), provider(request) + "; " + code);
            }
        } else {
            reason = "sso";
            audit.audit(
                    "SSO_SIGN_IN_FAILED",
                    null,
                    null,
                    request.getRemoteAddr(),
                    provider(request) + "; " + exception.getClass().getSimpleName());
        }
        response.sendRedirect(request.getContextPath() + "/login?error=" + reason);
    }

    private static String provider(HttpServletRequest request) {
        var path = request.getRequestURI();
        var name = path.substring(path.lastIndexOf('/') + 1);
        return "single sign-on: " + (name.length() > 64 ? name.substring(0, 64) : name);
    }

    private static @Nullable HttpServletRequest currentRequest() {
        return RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes
                ? attributes.getRequest()
                : null;
    }

    /** The browser's language if the interface has it, for a new account. */
    private static String language(@Nullable HttpServletRequest request) {
        if (request == null) {
            return "en";
        }
        var wanted = request.getLocale().getLanguage();
        return PageContext.LANGUAGES.stream()
                .map(Locale::getLanguage)
                .filter(wanted::equals)
                .findFirst()
                .orElse("en");
    }

    /** The provider's user for the moment between the callback and the success handler, with the Sapere sign-in. */
    static final class SignedInThroughProvider extends DefaultOidcUser {

        @Serial
        private static final long serialVersionUID = 1L;

        private final transient Authentication signedIn;

        SignedInThroughProvider(OidcUser user, Authentication signedIn) {
            super(user.getAuthorities(), user.getIdToken(), user.getUserInfo());
            this.signedIn = signedIn;
        }

        Authentication signedIn() {
            return signedIn;
        }
    }

    /** Sapere only signs people in: the provider's access tokens are not kept. */
    private static final class NothingKept implements OAuth2AuthorizedClientRepository {

        @Override
        public <T extends OAuth2AuthorizedClient> @Nullable T loadAuthorizedClient(
                String clientRegistrationId, Authentication principal, HttpServletRequest request) {
            return null;
        }

        @Override
        public void saveAuthorizedClient(
                OAuth2AuthorizedClient authorizedClient,
                Authentication principal,
                HttpServletRequest request,
                HttpServletResponse response) {}

        @Override
        public void removeAuthorizedClient(
                String clientRegistrationId,
                Authentication principal,
                HttpServletRequest request,
                HttpServletResponse response) {}
    }
}
