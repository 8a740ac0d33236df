package org.sapere.sso.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import org.sapere.identity.IdentityDirectory;
import org.sapere.identity.Organisation;
import org.sapere.identity.OrganisationId;
import org.sapere.identity.Role;
import org.sapere.sso.domain.ProviderSettings.Grant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Every organisation's OpenID provider: those set in properties, then those admins set on the admin page (stored,
 * with the client secret encrypted). Read on every sign-in page, so kept for a few seconds; a save here is seen at
 * once by this instance and within seconds by others.
 */
@Service
public class Providers {

    private static final Logger log = LoggerFactory.getLogger(Providers.class);
    private static final Duration FRESH_FOR = Duration.ofSeconds(15);

    private final JdbcClient jdbc;
    private final SsoProperties properties;
    private final IdentityDirectory identity;
    private final SecretBox secrets;
    private volatile Snapshot cached = new Snapshot(List.of(), Instant.MIN);
    private final Set<String> warned = ConcurrentHashMap.newKeySet();

    Providers(JdbcClient jdbc, SsoProperties properties, IdentityDirectory identity, SecretBox secrets) {
        this.jdbc = jdbc;
        this.properties = properties;
        this.identity = identity;
        this.secrets = secrets;
    }

    private record Snapshot(List<ProviderSettings> providers, Instant takenAt) {}

    /** Every configured provider (enabled or not), by organisation name. */
    public List<ProviderSettings> all() {
        var snapshot = cached;
        if (snapshot.takenAt().plus(FRESH_FOR).isBefore(Instant.now())) {
            snapshot = new Snapshot(load(), Instant.now());
            cached = snapshot;
        }
        return snapshot.providers();
    }

    public Optional<ProviderSettings> find(String slug) {
        return all().stream().filter(p -> p.slug().equals(slug)).findFirst();
    }

    public List<ProviderSettings> enabled() {
        return all().stream().filter(ProviderSettings::enabled).toList();
    }

    /**
     * Stores what an admin set for their organisation; a blank secret keeps the stored one.
     *
     * @return false if there is no stored secret to keep
     */
    @Transactional
    public boolean save(ProviderSettings settings, @Nullable String newSecret) {
        var id = settings.organisation().value();
        var stored = jdbc.sql("SELECT count(*) > 0 FROM sso.provider WHERE organisation_id = :id")
                .param("id", id)
                .query(Boolean.class)
                .single();
        var keepSecret = newSecret == null || newSecret.isBlank();
        if (!stored && keepSecret) {
            return false;
        }
        jdbc.sql("""
                INSERT INTO sso.provider (organisation_id, issuer_uri, client_id, client_secret, scopes, email_claim,
                                          name_claim, affiliation_claim, trust_email, enabled)
                VALUES (:id, :issuer, :client, :secret, :scopes, :email, :name, :affiliation, :trust, :enabled)
                ON CONFLICT (organisation_id) DO UPDATE SET issuer_uri = :issuer, client_id = :client,
                    client_secret = CASE WHEN :keep THEN sso.provider.client_secret ELSE :secret END,
                    scopes = :scopes, email_claim = :email, name_claim = :name, affiliation_claim = :affiliation,
                    trust_email = :trust, enabled = :enabled, updated_at = now()""")
                .param("id", id)
                .param("issuer", settings.issuerUri())
                .param("client", settings.clientId())
                .param("secret", keepSecret ? "" : secrets.encrypt(newSecret))
                .param("keep", keepSecret)
                .param("scopes", String.join(" ", settings.scopes()))
                .param("email", settings.emailClaim())
                .param("name", settings.nameClaim())
                .param("affiliation", settings.affiliationClaim())
                .param("trust", settings.trustEmail())
                .param("enabled", settings.enabled())
                .update();
        jdbc.sql("DELETE FROM sso.role_grant WHERE organisation_id = :id")
                .param("id", id)
                .update();
        for (var grant : settings.grants()) {
            jdbc.sql("""
                    INSERT INTO sso.role_grant (organisation_id, affiliation, role) VALUES (:id, :affiliation, :role)
                    ON CONFLICT DO NOTHING""")
                    .param("id", id)
                    .param("affiliation", grant.affiliation())
                    .param("role", grant.role().name())
                    .update();
        }
        cached = new Snapshot(List.of(), Instant.MIN);
        return true;
    }

    private List<ProviderSettings> load() {
        var result = new ArrayList<ProviderSettings>();
        properties.providers().forEach((slug, p) -> {
            var organisation = identity.organisationBySlug(slug);
            if (organisation.isEmpty() || p.issuerUri() == null || p.clientId() == null || p.clientSecret() == null) {
                if (!warned.add(slug)) {
                    return;
                }
                log.warn(
                        "sapere.sso.providers.{} is ignored: it needs an existing organisation short name, issuer-uri, client-id and client-secret",
                        slug);
                return;
            }
            var grants = new ArrayList<Grant>();
            p.grants().forEach((affiliation, roles) -> roles.forEach(r -> grants.add(new Grant(affiliation, r))));
            result.add(new ProviderSettings(
                    organisation.get().id(),
                    slug,
                    organisation.get().shortName(),
                    p.issuerUri(),
                    p.clientId(),
                    p.clientSecret(),
                    p.scopes(),
                    p.emailClaim(),
                    p.nameClaim(),
                    p.affiliationClaim(),
                    p.trustEmail(),
                    grants,
                    p.enabled(),
                    true));
        });
        var grants = jdbc.sql("SELECT organisation_id, affiliation, role FROM sso.role_grant ORDER BY affiliation")
                .query((rs, n) -> new Object[] {
                    rs.getObject(1, UUID.class), new Grant(rs.getString(2), Role.valueOf(rs.getString(3)))
                })
                .list();
        jdbc
                .sql("""
                SELECT organisation_id, issuer_uri, client_id, client_secret, scopes, email_claim, name_claim,
                       affiliation_claim, trust_email, enabled FROM sso.provider""")
                .query((rs, n) -> {
                    var id = rs.getObject("organisation_id", UUID.class);
                    var organisation = identity.organisation(new OrganisationId(id));
                    if (organisation.isEmpty()
                            || result.stream()
                                    .anyMatch(p -> p.organisation().value().equals(id))) {
                        return null; // the organisation is gone, or properties set this provider
                    }
                    var secret = decrypt(rs.getString("client_secret"), organisation.get());
                    if (secret == null) {
                        return null;
                    }
                    return new ProviderSettings(
                            organisation.get().id(),
                            organisation.get().slug(),
                            organisation.get().shortName(),
                            rs.getString("issuer_uri"),
                            rs.getString("client_id"),
                            secret,
                            Arrays.asList(rs.getString("scopes").split(" ")),
                            rs.getString("email_claim"),
                            rs.getString("name_claim"),
                            rs.getString("affiliation_claim"),
                            rs.getBoolean("trust_email"),
                            grants.stream()
                                    .filter(g -> g[0].equals(id))
                                    .map(g -> (Grant) g[1])
                                    .toList(),
                            rs.getBoolean("enabled"),
                            false);
                })
                .list()
                .stream()
                .filter(Objects::nonNull)
                .forEach(result::add);
        result.sort(Comparator.comparing(ProviderSettings::displayName, String.CASE_INSENSITIVE_ORDER));
        return List.copyOf(result);
    }

    private @Nullable String decrypt(String stored, Organisation organisation) {
        try {
            return secrets.decrypt(stored);
        } catch (RuntimeException e) {
            if (!warned.add("secret of " + organisation.slug())) {
                return null;
            }
            log.warn(
                    "The stored client secret of {}'s single sign-on cannot be decrypted (was sapere.sso.encryption-key changed?); its sign-in is off until an admin enters the secret again",
                    organisation.slug());
            return null;
        }
    }
}
