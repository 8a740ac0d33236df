package org.sapere.identity.domain;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Slows down password guessing, with its state in PostgreSQL so that it holds across instances. Per account:
 * after 5 failures within 15 minutes, each further attempt must wait 2^(n-5) × 30 seconds (at most 15 minutes)
 * after the last failure. Per address: 50 failures within 15 minutes close it until the oldest ages out.
 */
@Component
public class SignInThrottle {

    static final Duration WINDOW = Duration.ofMinutes(15);
    static final int FREE_FAILURES = 5;
    static final int ADDRESS_CAP = 50;
    static final Duration FIRST_WAIT = Duration.ofSeconds(30);

    private final JdbcClient jdbc;

    SignInThrottle(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** When the next attempt for this account from this address may be made, if it may not be made now. */
    public Optional<Instant> blockedUntil(String email, String ip, Instant now) {
        var since = now.minus(WINDOW);
        var accountFailures = times("lower(email) = lower(:key)", email, since);
        var byAccount = waitFor(accountFailures.size())
                .map(wait -> accountFailures.getFirst().plus(wait))
                .filter(until -> until.isAfter(now));
        var addressFailures = times("ip = :key", ip, since);
        Optional<Instant> byAddress = addressFailures.size() >= ADDRESS_CAP
                ? Optional.of(addressFailures.get(ADDRESS_CAP - 1).plus(WINDOW))
                : Optional.empty();
        return byAccount.isPresent() && byAddress.isPresent()
                ? Optional.of(byAccount.get().isAfter(byAddress.get()) ? byAccount.get() : byAddress.get())
                : byAccount.or(() -> byAddress);
    }

    /** How long to wait after the last failure, given the number of recent failures. */
    static Optional<Duration> waitFor(int failures) {
        if (failures < FREE_FAILURES) {
            return Optional.empty();
        }
        var wait = FIRST_WAIT.multipliedBy(1L << Math.min(failures - FREE_FAILURES, 10));
        return Optional.of(wait.compareTo(WINDOW) > 0 ? WINDOW : wait);
    }

    public void recordFailure(String email, String ip) {
        jdbc.sql("INSERT INTO identity.sign_in_failure (email, ip) VALUES (:email, :ip)")
                .param("email", email.length() > 254 ? email.substring(0, 254) : email)
                .param("ip", ip.length() > 64 ? ip.substring(0, 64) : ip)
                .update();
    }

    /** A successful sign-in forgives the account's earlier failures. */
    public void clear(String email) {
        jdbc.sql("DELETE FROM identity.sign_in_failure WHERE lower(email) = lower(:email)")
                .param("email", email)
                .update();
    }

    /** Newest first. */
    private List<Instant> times(String where, String key, Instant since) {
        return jdbc.sql("SELECT failed_at FROM identity.sign_in_failure WHERE " + where
                        + " AND failed_at > :since ORDER BY failed_at DESC LIMIT 100")
                .param("key", key)
                .param("since", OffsetDateTime.ofInstant(since, java.time.ZoneOffset.UTC))
                .query((rs, n) -> rs.getObject(1, OffsetDateTime.class).toInstant())
                .list();
    }
}
