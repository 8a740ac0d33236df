package org.sapere.identity.domain;

import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.sapere.identity.domain.AccountRegistration.FieldError;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What an organisation says about itself: names, place, website, brand colour, logo, and the e-mail domains of its
 * staff and its alumni. Edited by its organisation admins (and platform admins); every change is audited.
 */
@Service
public class OrganisationProfiles {

    public static final int MAX_LOGO_BYTES = 800 * 1024;
    static final int MAX_DOMAINS = 10;
    private static final int LOGO_WIDTH = 400;
    private static final int LOGO_HEIGHT = 200;
    private static final Pattern DOMAIN =
            Pattern.compile("(?=.{4,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\\.)+[a-z]{2,63}");
    private static final Pattern COLOUR = Pattern.compile("#[0-9a-f]{6}");
    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());

    /** The editable profile; {@code logoVersion} changes whenever the logo does (for cache-busting URLs). */
    public record Profile(
            String name,
            String shortName,
            String city,
            String country,
            String website,
            @Nullable String brandColour,
            List<String> staffDomains,
            List<String> alumniDomains,
            @Nullable Long logoVersion) {}

    private final JdbcClient jdbc;
    private final AuditLog audit;

    OrganisationProfiles(JdbcClient jdbc, AuditLog audit) {
        this.jdbc = jdbc;
        this.audit = audit;
    }

    public Optional<Profile> find(UUID organisation) {
        return jdbc.sql("""
                SELECT name, short_name, city, country, website, brand_colour, staff_domains, alumni_domains,
                       logo_updated_at FROM identity.organisation WHERE id = :id""")
                .param("id", organisation)
                .query((rs, n) -> new Profile(
                        rs.getString("name"),
                        rs.getString("short_name"),
                        rs.getString("city"),
                        rs.getString("country"),
                        rs.getString("website"),
                        rs.getString("brand_colour"),
                        Arrays.asList((String[]) rs.getArray("staff_domains").getArray()),
                        Arrays.asList((String[]) rs.getArray("alumni_domains").getArray()),
                        rs.getTimestamp("logo_updated_at") == null
                                ? null
                                : rs.getTimestamp("logo_updated_at").getTime()))
                .optional();
    }

    /** Splits what an admin typed ("polimi.it, mail.polimi.it" or one per line) into lower-case domains. */
    public static List<String> domains(String typed) {
        var result = new LinkedHashSet<String>();
        for (var part : typed.toLowerCase(Locale.ROOT).split("[\\s,;]+")) {
            var domain = part.strip();
            if (domain.startsWith("@")) {
                domain = domain.substring(1);
            }
            if (!domain.isEmpty()) {
                result.add(domain);
            }
        }
        return List.copyOf(result);
    }

    /** Saves the profile if every field is valid; otherwise returns what is wrong and changes nothing. */
    @Transactional
    public List<FieldError> update(UUID organisation, Profile p, UUID actor) {
        var errors = new ArrayList<FieldError>();
        if (p.name().isBlank() || p.name().length() > 200) {
            errors.add(new FieldError("name", "orgProfile.name.invalid", 200));
        }
        if (p.shortName().isBlank() || p.shortName().length() > 40) {
            errors.add(new FieldError("shortName", "orgProfile.shortName.invalid", 40));
        }
        if (p.city().isBlank() || p.city().length() > 100) {
            errors.add(new FieldError("city", "orgProfile.city.invalid", 100));
        }
        if (!COUNTRIES.contains(p.country())) {
            errors.add(new FieldError("country", "profile.country.invalid", ""));
        }
        if (!isWebsite(p.website())) {
            errors.add(new FieldError("website", "orgProfile.website.invalid", ""));
        }
        if (p.brandColour() != null && !COLOUR.matcher(p.brandColour()).matches()) {
            errors.add(new FieldError("brandColour", "orgProfile.colour.invalid", ""));
        }
        checkDomains("staffDomains", p.staffDomains(), errors);
        checkDomains("alumniDomains", p.alumniDomains(), errors);
        if (!errors.isEmpty()) {
            return errors;
        }
        jdbc.sql("""
                UPDATE identity.organisation SET name = :name, short_name = :short, city = :city, country = :country,
                       website = :web, brand_colour = :colour, staff_domains = :staff::text[],
                       alumni_domains = :alumni::text[]
                WHERE id = :id""")
                .param("id", organisation)
                .param("name", p.name().strip())
                .param("short", p.shortName().strip())
                .param("city", p.city().strip())
                .param("country", p.country())
                .param("web", p.website().strip())
                .param("colour", p.brandColour())
                .param("staff", pgArray(p.staffDomains()))
                .param("alumni", pgArray(p.alumniDomains()))
                .update();
        audit.record("ORGANISATION_UPDATED", actor, null, null, p.name().strip());
        return List.of();
    }

    /**
     * Replaces the logo with the uploaded image, re-encoded as a PNG of at most 400 × 200 px. Only PNG and JPEG
     * whose content decodes are accepted (the declared type and the file name are not trusted).
     *
     * @return null when saved, or the message key of why the file was refused
     */
    public @Nullable String replaceLogo(UUID organisation, byte[] upload, UUID actor) {
        if (upload.length == 0) {
            return "orgProfile.logo.missing";
        }
        if (upload.length > MAX_LOGO_BYTES) {
            return "orgProfile.logo.tooLarge";
        }
        var png = reencode(upload);
        if (png == null) {
            return "orgProfile.logo.notAnImage";
        }
        jdbc.sql("UPDATE identity.organisation SET logo_png = :png, logo_updated_at = now() WHERE id = :id")
                .param("png", png)
                .param("id", organisation)
                .update();
        audit.record("ORGANISATION_LOGO_REPLACED", actor, null, null, organisation.toString());
        return null;
    }

    public record Logo(byte[] png, Instant updated) {}

    public Optional<Logo> logo(String slug) {
        return jdbc.sql(
                        "SELECT logo_png, logo_updated_at FROM identity.organisation WHERE slug = :slug AND logo_png IS NOT NULL")
                .param("slug", slug)
                .query((rs, n) -> new Logo(
                        rs.getBytes("logo_png"),
                        rs.getTimestamp("logo_updated_at").toInstant()))
                .optional();
    }

    /** Decodes a PNG or JPEG (refusing huge dimensions before decoding) and writes it again as a scaled PNG. */
    static byte @Nullable [] reencode(byte[] upload) {
        return UploadedImages.reencode(upload, LOGO_WIDTH, LOGO_HEIGHT, false);
    }

    private static boolean isWebsite(String website) {
        if (website.isBlank() || website.length() > 300) {
            return false;
        }
        try {
            var uri = new URI(website.strip());
            return ("https".equals(uri.getScheme()) || "http".equals(uri.getScheme())) && uri.getHost() != null;
        } catch (Exception e) {
            return false;
        }
    }

    private static void checkDomains(String field, List<String> domains, List<FieldError> errors) {
        if (domains.size() > MAX_DOMAINS) {
            errors.add(new FieldError(field, "orgProfile.domains.tooMany", MAX_DOMAINS));
            return;
        }
        for (var domain : domains) {
            if (!DOMAIN.matcher(domain).matches()) {
                errors.add(new FieldError(field, "orgProfile.domains.invalid", domain));
                return;
            }
        }
    }

    private static String pgArray(List<String> values) {
        // Domains are checked against DOMAIN first: no quotes, commas or braces can reach this literal.
        return "{" + String.join(",", values) + "}";
    }
}
