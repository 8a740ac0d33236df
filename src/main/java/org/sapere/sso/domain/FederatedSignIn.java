package org.sapere.sso.domain;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.sapere.identity.AccountId;
import org.sapere.identity.ExternalSignIn;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.stereotype.Service;

/**
 * A person the organisation's provider vouched for becomes a Sapere session. Known subjects sign in to their
 * linked account. A new subject is linked to the account with the same address if the provider confirmed the
 * address (or the organisation trusts its addresses), else gets a new account; the roles the organisation maps
 * from the person's affiliation are given; then the session is made exactly as after a password.
 */
@Service
public class FederatedSignIn {

    /** The error codes a refusal carries (OAuth2's {@code access_denied} and the like come from the provider). */
    public static final String CONFLICT = "sso_conflict";

    public static final String INCOMPLETE = "sso_incomplete";
    public static final String NOT_LINKABLE = "sso_not_linkable";

    private static final String ADDRESS = "[^@\\s]+@[^@\\s]+\\.[^@\\s]+";

    private final ExternalIdentities identities;
    private final ExternalSignIn accounts;

    FederatedSignIn(ExternalIdentities identities, ExternalSignIn accounts) {
        this.identities = identities;
        this.accounts = accounts;
    }

    /**
     * @param claims the ID token's and user-info claims
     * @param language the interface language for a new account
     * @throws OAuth2AuthenticationException with one of this class's codes when the person cannot be signed in
     * @throws org.springframework.security.authentication.LockedException the account is deactivated
     */
    public Authentication signIn(
            ProviderSettings provider,
            String issuer,
            String subject,
            Map<String, Object> claims,
            String language,
            @Nullable String ip) {
        var via = "single sign-on: " + provider.slug();
        var account = identities
                .signIn(issuer, subject)
                .orElseGet(() -> link(provider, issuer, subject, claims, language, ip, via));
        if (accounts.account(account)
                .filter(ExternalSignIn.ExternalAccount::active)
                .isEmpty()) {
            return accounts.signIn(account, ip, via); // refused and audited there, before any role is given
        }
        var affiliations = values(claims.get(provider.affiliationClaim()));
        for (var role : provider.rolesFor(affiliations)) {
            accounts.grant(account, provider.organisation(), role, via);
        }
        if (ProviderSettings.isAlumnus(affiliations)) {
            var email = text(claims.get(provider.emailClaim()));
            accounts.confirmAlumnus(account, provider.organisation(), email == null ? "" : email, via);
        }
        return accounts.signIn(account, ip, via);
    }

    private AccountId link(
            ProviderSettings provider,
            String issuer,
            String subject,
            Map<String, Object> claims,
            String language,
            @Nullable String ip,
            String via) {
        var email = text(claims.get(provider.emailClaim()));
        if (email == null || email.length() > 254 || !email.matches(ADDRESS)) {
            accounts.audit(
                    "SSO_SIGN_IN_FAILED",
                    null,
                    null,
                    ip,
                    via + "; no usable e-mail claim '" + provider.emailClaim() + "'");
            throw refused(INCOMPLETE);
        }
        var confirmed = provider.trustEmail() || "true".equalsIgnoreCase(String.valueOf(claims.get("email_verified")));
        var existing = accounts.accountByEmail(email);
        AccountId account;
        if (existing.isPresent()) {
            var found = existing.get();
            if (!confirmed || !found.verified()) {
                accounts.audit(
                        "SSO_LINK_REFUSED",
                        found.id(),
                        email,
                        ip,
                        via
                                + (confirmed
                                        ? "; the account's address is not confirmed"
                                        : "; the provider did not confirm the address"));
                throw refused(CONFLICT);
            }
            if (found.platformAdmin()) {
                // An organisation's provider vouches for its own people; it never takes over a platform admin.
                accounts.audit(
                        "SSO_LINK_REFUSED", found.id(), email, ip, via + "; platform admins are not linked by address");
                throw refused(NOT_LINKABLE);
            }
            account = found.id();
        } else {
            var name = text(claims.get(provider.nameClaim()));
            account = accounts.register(email, name == null ? "" : name, language, via, ip, confirmed);
        }
        identities.link(issuer, subject, account, provider.organisation());
        accounts.audit("SSO_LINKED", account, email, ip, via + "; subject " + abbreviate(subject) + " at " + issuer);
        return account;
    }

    private static OAuth2AuthenticationException refused(String code) {
        return new OAuth2AuthenticationException(new OAuth2Error(code));
    }

    private static @Nullable String text(@Nullable Object claim) {
        if (claim instanceof Collection<?> many) {
            claim = many.isEmpty() ? null : many.iterator().next();
        }
        return claim == null || String.valueOf(claim).isBlank()
                ? null
                : String.valueOf(claim).strip();
    }

    /** A claim that may be one value, a list, or space-separated values. */
    static List<String> values(@Nullable Object claim) {
        if (claim == null) {
            return List.of();
        }
        if (claim instanceof Collection<?> many) {
            return many.stream().map(String::valueOf).toList();
        }
        return List.of(String.valueOf(claim).split("[\\s,]+"));
    }

    private static String abbreviate(String s) {
        return s.length() > 80 ? s.substring(0, 80) + "…" : s;
    }
}
