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
    /** Languages a person may say they read: the EU's official languages and a few more spoken in Europe. */
    public static final List<String> SPOKEN = List.of(
            "bg", "ca", "cs", "da", "de", "el", "en", "es", "et", "eu", "fi", "fr", "ga", "hr", "hu", "is", "it", "lt",
            "lv", "mt", "nl", "no", "pl", "pt", "ro", "sk", "sl", "sq", "sr", "sv", "tr", "uk");

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
            boolean courseNews,
            List<String> spokenLanguages,
            List<String> interests) {

        public Profile {
            spokenLanguages = spokenLanguages == null ? List.of() : List.copyOf(spokenLanguages);
            interests = interests == null ? List.of() : List.copyOf(interests);
        }

        public Profile(
                String displayName,
                String headline,
                String country,
                String language,
                String timeZone,
                boolean courseNews) {
            this(displayName, headline, country, language, timeZone, courseNews, List.of(), List.of());
        }
    }

    public Optional<Profile> find(UUID account) {
        return jdbc.sql("""
                SELECT display_name, coalesce(headline, '') AS headline, coalesce(country, '') AS country, language,
                       time_zone, course_news, spoken_languages, interests
                FROM identity.account WHERE id = :id""")
                .param("id", account)
                .query((rs, n) -> new Profile(
                        rs.getString("display_name"),
                        rs.getString("headline"),
                        rs.getString("country"),
                        rs.getString("language"),
                        rs.getString("time_zone"),
                        rs.getBoolean("course_news"),
                        java.util.Arrays.asList(
                                (String[]) rs.getArray("spoken_languages").getArray()),
                        java.util.Arrays.asList(
                                (String[]) rs.getArray("interests").getArray())))
                .optional();
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
        if (!SPOKEN.containsAll(p.spokenLanguages())) {
            errors.add(new FieldError("spokenLanguages", "profile.spoken.invalid", 0));
        }
        if (!org.sapere.shared.Subjects.ALL.containsAll(p.interests())) {
            errors.add(new FieldError("interests", "profile.interests.invalid", 0));
        }
        if (!errors.isEmpty()) {
            return errors;
        }
        jdbc.sql("""
                UPDATE identity.account SET display_name = :name, headline = :headline, country = :country,
                       language = :language, time_zone = :zone, course_news = :news,
                       spoken_languages = :spoken, interests = :interests
                WHERE id = :id""")
                .param("id", account)
                .param("name", name)
                .param("headline", blankToNull(p.headline().strip()))
                .param("country", blankToNull(p.country()))
                .param("language", p.language())
                .param("zone", p.timeZone())
                .param("news", p.courseNews())
                .param(
                        "spoken",
                        SPOKEN.stream().filter(p.spokenLanguages()::contains).toArray(String[]::new))
                .param(
                        "interests",
                        org.sapere.shared.Subjects.ALL.stream()
                                .filter(p.interests()::contains)
                                .toArray(String[]::new))
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
