package org.sapere.identity.domain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.sapere.identity.AccountId;
import org.sapere.identity.AlumniVerificationRequested;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Alumni status: a learner proves they studied at a partner university by confirming an address at one of its
 * alumni domains (e.g. {@code alumni.polimi.it}). The status shows on their profile and offerings can require it.
 */
@Service
public class Alumni {

    /** An organisation one can claim alumni status of. */
    public record Claimable(UUID id, String slug, String name, List<String> domains) {}

    /** A confirmed status. */
    public record Status(UUID organisation, String name, String email, String method, Instant since) {}

    /** The outcome of asking to confirm an address. */
    public enum Request {
        SENT,
        NOT_AN_ALUMNI_DOMAIN,
        ALREADY_CONFIRMED,
        UNKNOWN_ORGANISATION
    }

    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient jdbc;
    private final Accounts accounts;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;

    Alumni(JdbcClient jdbc, Accounts accounts, AuditLog audit, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.accounts = accounts;
        this.audit = audit;
        this.events = events;
    }

    public List<Claimable> claimable() {
        return jdbc.sql("""
                SELECT id, slug, name, alumni_domains FROM identity.organisation
                WHERE cardinality(alumni_domains) > 0 ORDER BY name""")
                .query((rs, n) -> new Claimable(
                        rs.getObject("id", UUID.class),
                        rs.getString("slug"),
                        rs.getString("name"),
                        Arrays.asList((String[]) rs.getArray("alumni_domains").getArray())))
                .list();
    }

    public List<Status> of(UUID account) {
        return jdbc.sql("""
                SELECT s.organisation_id, o.name, s.email, s.method, s.verified_at FROM identity.alumni_status s
                JOIN identity.organisation o ON o.id = s.organisation_id
                WHERE s.account_id = :account AND s.verified_at IS NOT NULL ORDER BY o.name""")
                .param("account", account)
                .query((rs, n) -> new Status(
                        rs.getObject(1, UUID.class),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getTimestamp(5).toInstant()))
                .list();
    }

    public boolean isAlumnus(UUID account, UUID organisation) {
        return jdbc.sql("""
                SELECT EXISTS (SELECT 1 FROM identity.alumni_status
                               WHERE account_id = :a AND organisation_id = :o AND verified_at IS NOT NULL)""")
                .param("a", account)
                .param("o", organisation)
                .query(Boolean.class)
                .single();
    }

    /** Sends a confirmation link to the address if its domain is one of the organisation's alumni domains. */
    @Transactional
    public Request request(UUID account, String organisationSlug, String email, String language) {
        var organisation = claimable().stream()
                .filter(c -> c.slug().equals(organisationSlug))
                .findFirst();
        if (organisation.isEmpty()) {
            return Request.UNKNOWN_ORGANISATION;
        }
        var address = email.strip();
        var at = address.lastIndexOf('@');
        if (at < 1 || address.length() > Account.MAX_EMAIL || !address.matches("[^@\\s]+@[^@\\s]+")) {
            return Request.NOT_AN_ALUMNI_DOMAIN;
        }
        var domain = address.substring(at + 1).toLowerCase(Locale.ROOT);
        address = address.substring(0, at + 1) + domain;
        if (!organisation.get().domains().contains(domain)) {
            return Request.NOT_AN_ALUMNI_DOMAIN;
        }
        var org = organisation.get();
        if (isAlumnus(account, org.id())) {
            return Request.ALREADY_CONFIRMED;
        }
        var bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        var token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        jdbc.sql("""
                INSERT INTO identity.alumni_status (account_id, organisation_id, email, method, token_hash, expires_at)
                VALUES (:a, :o, :email, 'EMAIL', :hash, now() + interval '24 hours')
                ON CONFLICT (account_id, organisation_id) DO UPDATE SET email = excluded.email,
                       token_hash = excluded.token_hash, requested_at = now(), expires_at = excluded.expires_at""")
                .param("a", account)
                .param("o", org.id())
                .param("email", address)
                .param("hash", hash(token))
                .update();
        var person = accounts.findById(account).orElseThrow();
        audit.record("ALUMNI_REQUESTED", account, person.email(), null, org.name() + " " + address);
        events.publishEvent(new AlumniVerificationRequested(
                new AccountId(account), address, person.displayName(), org.name(), language, token));
        return Request.SENT;
    }

    /** Confirms the claim the token belongs to; returns the organisation's name, or empty if the link is bad. */
    @Transactional
    public Optional<String> confirm(String token) {
        if (token.isEmpty() || token.length() > 100) {
            return Optional.empty();
        }
        var confirmed = jdbc.sql("""
                UPDATE identity.alumni_status SET verified_at = now(), token_hash = NULL, expires_at = NULL
                WHERE token_hash = :hash AND expires_at > now()
                RETURNING account_id, organisation_id""")
                .param("hash", hash(token))
                .query((rs, n) -> new UUID[] {rs.getObject(1, UUID.class), rs.getObject(2, UUID.class)})
                .optional();
        if (confirmed.isEmpty()) {
            return Optional.empty();
        }
        var name = jdbc.sql("SELECT name FROM identity.organisation WHERE id = :id")
                .param("id", confirmed.get()[1])
                .query(String.class)
                .single();
        audit.record("ALUMNI_CONFIRMED", confirmed.get()[0], null, null, name);
        return Optional.of(name);
    }

    /**
     * Confirms the status because the university's own sign-in says so (its affiliation claim); true if it was
     * not confirmed before.
     */
    @Transactional
    public boolean confirmThroughSingleSignOn(UUID account, UUID organisation, String email, String via) {
        if (isAlumnus(account, organisation)) {
            return false;
        }
        jdbc.sql("""
                INSERT INTO identity.alumni_status (account_id, organisation_id, email, method, verified_at)
                VALUES (:a, :o, :email, 'SSO', now())
                ON CONFLICT (account_id, organisation_id) DO UPDATE SET email = excluded.email, method = 'SSO',
                       verified_at = now(), token_hash = NULL, expires_at = NULL""")
                .param("a", account)
                .param("o", organisation)
                .param("email", email.length() > Account.MAX_EMAIL ? email.substring(0, Account.MAX_EMAIL) : email)
                .update();
        audit.record("ALUMNI_CONFIRMED", account, null, null, organisation + " by " + via);
        return true;
    }

    /** The person gives up a status (or a pending claim). */
    public void withdraw(UUID account, UUID organisation) {
        if (jdbc.sql("DELETE FROM identity.alumni_status WHERE account_id = :a AND organisation_id = :o")
                        .param("a", account)
                        .param("o", organisation)
                        .update()
                > 0) {
            audit.record("ALUMNI_WITHDRAWN", account, null, null, organisation.toString());
        }
    }

    private static byte[] hash(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
