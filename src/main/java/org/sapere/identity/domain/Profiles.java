package org.sapere.identity.domain;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.sapere.identity.domain.AccountRegistration.FieldError;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** A person's own profile and password. Every change is validated first: a refused form stores nothing. */
@Service
public class Profiles {

    public static final int MAX_HEADLINE = 200;
    public static final Set<String> LANGUAGES = Set.of("en", "it", "de", "nl", "sv");
    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());

    private final JdbcClient jdbc;
    private final PasswordPolicy policy;
    private final PasswordEncoder encoder;
    private final Accounts accounts;
    private final AuditLog audit;

    Profiles(JdbcClient jdbc, PasswordPolicy policy, PasswordEncoder encoder, Accounts accounts, AuditLog audit) {
        this.jdbc = jdbc;
        this.policy = policy;
        this.encoder = encoder;
        this.accounts = accounts;
        this.audit = audit;
    }

    /** What the profile form edits. */
    public record Profile(
            String displayName,
            String headline,
            String country,
            String language,
            String timeZone,
            boolean courseNews) {}

    public Optional<Profile> find(UUID account) {
        return jdbc.sql("""
                SELECT display_name, coalesce(headline, '') AS headline, coalesce(country, '') AS country, language,
                       time_zone, course_news
                FROM identity.account WHERE id = :id""").param("id", account).query(Profile.class).optional();
    }

    @Transactional
    public List<FieldError> update(UUID account, Profile p) {
        var errors = new ArrayList<FieldError>();
        var name = p.displayName().strip();
        if (name.isEmpty() || name.length() > Account.MAX_NAME) {
            errors.add(new FieldError("displayName", "register.name.invalid", Account.MAX_NAME));
        }
        if (p.headline().strip().length() > MAX_HEADLINE) {
            errors.add(new FieldError("headline", "profile.headline.tooLong", MAX_HEADLINE));
        }
        if (!p.country().isEmpty() && !COUNTRIES.contains(p.country())) {
            errors.add(new FieldError("country", "profile.country.invalid", 0));
        }
        if (!LANGUAGES.contains(p.language())) {
            errors.add(new FieldError("language", "profile.language.invalid", 0));
        }
        if (!validZone(p.timeZone())) {
            errors.add(new FieldError("timeZone", "profile.timeZone.invalid", 0));
        }
        if (!errors.isEmpty()) {
            return errors;
        }
        jdbc.sql("""
                UPDATE identity.account SET display_name = :name, headline = :headline, country = :country,
                       language = :language, time_zone = :zone, course_news = :news
                WHERE id = :id""")
                .param("id", account)
                .param("name", name)
                .param("headline", blankToNull(p.headline().strip()))
                .param("country", blankToNull(p.country()))
                .param("language", p.language())
                .param("zone", p.timeZone())
                .param("news", p.courseNews())
                .update();
        audit.record("PROFILE_UPDATED", account, null, null, null);
        return List.of();
    }

    /** Changes the password after checking the current one. */
    @Transactional
    public List<FieldError> changePassword(UUID account, String current, String next, Locale language) {
        var found = accounts.findById(account).orElseThrow();
        if (found.passwordHash() == null || !encoder.matches(current, found.passwordHash())) {
            return List.of(new FieldError("current", "profile.password.wrongCurrent", 0));
        }
        var errors = policy.check(next, List.of(found.email(), found.displayName()), language).stream()
                .map(r -> new FieldError(
                        "password", r.key(), r.key().equals("password.tooGuessable") ? r.hint() : r.number()))
                .toList();
        if (!errors.isEmpty()) {
            return errors;
        }
        accounts.changePassword(account, encoder.encode(next));
        audit.record("PASSWORD_CHANGED", account, found.email(), null, null);
        return List.of();
    }

    private static boolean validZone(String zone) {
        if (zone.isBlank() || zone.length() > 64) {
            return false;
        }
        try {
            ZoneId.of(zone);
            return true;
        } catch (DateTimeException e) {
            return false;
        }
    }

    private static @Nullable String blankToNull(String s) {
        return s.isEmpty() ? null : s;
    }
}
