package org.sapere.sso.domain;

import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;
import org.sapere.identity.OrganisationId;
import org.sapere.identity.Role;

/**
 * How one organisation's people sign in through its OpenID provider.
 *
 * @param slug the organisation's short name, also the client registration id
 * @param clientSecret in clear, in memory only
 * @param trustEmail treat the provider's e-mail address as confirmed even without {@code email_verified}
 * @param fromProperties set by the operator in properties (read-only on the admin page)
 */
public record ProviderSettings(
        OrganisationId organisation,
        String slug,
        String displayName,
        String issuerUri,
        String clientId,
        String clientSecret,
        List<String> scopes,
        String emailClaim,
        String nameClaim,
        String affiliationClaim,
        boolean trustEmail,
        List<Grant> grants,
        boolean enabled,
        boolean fromProperties) {

    public static final String DEFAULT_EMAIL_CLAIM = "email";
    public static final String DEFAULT_NAME_CLAIM = "name";
    public static final String DEFAULT_AFFILIATION_CLAIM = "eduperson_affiliation";
    public static final List<String> DEFAULT_SCOPES = List.of("openid", "profile", "email");

    /** An affiliation value (e.g. {@code faculty}) that gives a role in the organisation. */
    public record Grant(String affiliation, Role role) {}

    public ProviderSettings {
        scopes = scopes.contains("openid")
                ? List.copyOf(scopes)
                : Stream.concat(Stream.of("openid"), scopes.stream()).toList();
        grants = List.copyOf(grants);
    }

    /**
     * The roles these affiliation values give. A scoped value ({@code faculty@tudelft.nl}, as eduPerson's scoped
     * affiliation has it) also matches a grant for its unscoped part.
     */
    public Set<Role> rolesFor(Collection<String> affiliations) {
        var roles = EnumSet.noneOf(Role.class);
        for (var value : affiliations) {
            var v = value.strip().toLowerCase(Locale.ROOT);
            var unscoped = v.contains("@") ? v.substring(0, v.indexOf('@')) : v;
            for (var grant : grants) {
                var a = grant.affiliation().toLowerCase(Locale.ROOT);
                if (a.equals(v) || a.equals(unscoped)) {
                    roles.add(grant.role());
                }
            }
        }
        return roles;
    }

    /** The same settings with another client secret. */
    public ProviderSettings withClientSecret(String secret) {
        return new ProviderSettings(
                organisation,
                slug,
                displayName,
                issuerUri,
                clientId,
                secret,
                scopes,
                emailClaim,
                nameClaim,
                affiliationClaim,
                trustEmail,
                grants,
                enabled,
                fromProperties);
    }

    /** True if the values say alumnus: eduPerson's {@code alum}, scoped ({@code alum@tudelft.nl}) or not. */
    public static boolean isAlumnus(Collection<String> affiliations) {
        return affiliations.stream()
                .map(v -> v.strip().toLowerCase(Locale.ROOT))
                .anyMatch(v -> v.equals("alum") || v.startsWith("alum@"));
    }

    /** The affiliation values that give this role, as the admin page shows them. */
    public String affiliationsFor(Role role) {
        return String.join(
                ", ",
                grants.stream()
                        .filter(g -> g.role() == role)
                        .map(Grant::affiliation)
                        .toList());
    }
}
