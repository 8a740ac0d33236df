package org.sapere.sso.web;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.sapere.identity.Organisation;
import org.sapere.identity.Role;
import org.sapere.sso.domain.ProviderSettings;
import org.sapere.sso.domain.ProviderSettings.Grant;

/** Checks the admin form field by field and turns it into provider settings. */
final class ProviderValidation {

    private static final Pattern CLAIM = Pattern.compile("[A-Za-z0-9_:.\\-/]{1,100}");
    private static final Pattern SCOPE = Pattern.compile("[A-Za-z0-9_:.\\-/]{1,64}");
    private static final Pattern AFFILIATION = Pattern.compile("[A-Za-z0-9_.@\\-]{1,100}");
    private static final Pattern PRINTABLE = Pattern.compile("[\\x21-\\x7E]{1,200}");
    private static final Set<String> LOOPBACK = Set.of("localhost", "127.0.0.1", "[::1]");

    private final Map<String, String> errors = new LinkedHashMap<>();

    Map<String, String> errors() {
        return errors;
    }

    /** The settings, or null if a field is wrong (see {@link #errors()}). */
    @Nullable
    ProviderSettings check(
            ProviderForm form, String secret, boolean secretStored, Organisation organisation, boolean loopbackHttp) {
        if (!issuerOk(form.issuerUri().strip(), loopbackHttp)) {
            errors.put("issuerUri", "sso.error.issuer");
        }
        if (!PRINTABLE.matcher(form.clientId().strip()).matches()) {
            errors.put("clientId", "sso.error.clientId");
        }
        if ((secret.isBlank() && !secretStored) || secret.length() > 500) {
            errors.put("clientSecret", "sso.error.clientSecret");
        }
        var scopes = words(form.scopes());
        if (scopes.isEmpty()
                || scopes.size() > 20
                || !scopes.stream().allMatch(s -> SCOPE.matcher(s).matches())) {
            errors.put("scopes", "sso.error.scopes");
        }
        for (var claim : Map.of(
                        "emailClaim", form.emailClaim(),
                        "nameClaim", form.nameClaim(),
                        "affiliationClaim", form.affiliationClaim())
                .entrySet()) {
            if (!CLAIM.matcher(claim.getValue().strip()).matches()) {
                errors.put(claim.getKey(), "sso.error.claim");
            }
        }
        var grants = new ArrayList<Grant>();
        grants(form.professorAffiliations(), Role.PROFESSOR, "professorAffiliations", grants);
        grants(form.supervisorAffiliations(), Role.SUPERVISOR, "supervisorAffiliations", grants);
        grants(form.adminAffiliations(), Role.ORGANISATION_ADMIN, "adminAffiliations", grants);
        if (!errors.isEmpty()) {
            return null;
        }
        return new ProviderSettings(
                organisation.id(),
                organisation.slug(),
                organisation.shortName(),
                form.issuerUri().strip(),
                form.clientId().strip(),
                secret.strip(),
                scopes,
                form.emailClaim().strip(),
                form.nameClaim().strip(),
                form.affiliationClaim().strip(),
                form.trustEmail(),
                grants,
                form.enabled(),
                false);
    }

    private void grants(String values, Role role, String field, List<Grant> grants) {
        var list = Arrays.stream(values.split(","))
                .map(String::strip)
                .filter(s -> !s.isEmpty())
                .toList();
        if (list.size() > 20
                || !list.stream().allMatch(a -> AFFILIATION.matcher(a).matches())) {
            errors.put(field, "sso.error.affiliations");
            return;
        }
        list.forEach(a -> grants.add(new Grant(a, role)));
    }

    /** An https address; plain http only on this machine, and only where allowed (a provider under test). */
    private static boolean issuerOk(String issuer, boolean loopbackHttp) {
        if (issuer.isEmpty() || issuer.length() > 500) {
            return false;
        }
        try {
            var uri = new URI(issuer);
            if (uri.getHost() == null || uri.getRawQuery() != null || uri.getRawFragment() != null) {
                return false;
            }
            return "https".equals(uri.getScheme())
                    || (loopbackHttp && "http".equals(uri.getScheme()) && LOOPBACK.contains(uri.getHost()));
        } catch (URISyntaxException e) {
            return false;
        }
    }

    private static List<String> words(String s) {
        return Arrays.stream(s.strip().split("[\\s,]+"))
                .filter(w -> !w.isEmpty())
                .distinct()
                .toList();
    }
}
