package org.sapere.sso.domain;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.sapere.identity.Role;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Single sign-on settings ({@code sapere.sso.*}). Providers given here are keyed by the organisation's short name
 * (its slug, e.g. {@code tudelft}) and win over what admins set on the admin page, where they are read-only.
 *
 * @param encryptionKey the key that encrypts client secrets stored by the admin page; empty: a random key kept in
 *     {@code <data-dir>/sso-secret.key} (set it when several instances share a database)
 * @param allowLoopbackHttp whether the admin page accepts a plain-http issuer on this machine (a provider for
 *     development or tests); otherwise it takes https issuers only, and never fetches from other local services
 */
@ConfigurationProperties("sapere.sso")
public record SsoProperties(
        @Nullable String encryptionKey,
        @DefaultValue("false") boolean allowLoopbackHttp,
        @DefaultValue Map<String, Provider> providers) {

    /**
     * One organisation's OpenID provider.
     *
     * @param grants affiliation value → the roles it gives in the organisation, e.g. {@code grants.faculty=PROFESSOR}
     */
    public record Provider(
            @Nullable String issuerUri,
            @Nullable String clientId,
            @Nullable String clientSecret,
            @DefaultValue({"openid", "profile", "email"}) List<String> scopes,
            @DefaultValue("email") String emailClaim,
            @DefaultValue("name") String nameClaim,
            @DefaultValue("eduperson_affiliation") String affiliationClaim,
            @DefaultValue("false") boolean trustEmail,
            @DefaultValue Map<String, List<Role>> grants,
            @DefaultValue("true") boolean enabled) {}
}
