package org.sapere.sso.web;

import org.sapere.identity.Role;
import org.sapere.sso.domain.ProviderSettings;

/** The admin page's form, as typed (the client secret is never part of it). */
public record ProviderForm(
        String issuerUri,
        String clientId,
        String scopes,
        String emailClaim,
        String nameClaim,
        String affiliationClaim,
        boolean trustEmail,
        String professorAffiliations,
        String supervisorAffiliations,
        String adminAffiliations,
        boolean enabled) {

    static ProviderForm empty() {
        return new ProviderForm(
                "",
                "",
                String.join(" ", ProviderSettings.DEFAULT_SCOPES),
                ProviderSettings.DEFAULT_EMAIL_CLAIM,
                ProviderSettings.DEFAULT_NAME_CLAIM,
                ProviderSettings.DEFAULT_AFFILIATION_CLAIM,
                false,
                "",
                "",
                "",
                true);
    }

    static ProviderForm of(ProviderSettings s) {
        return new ProviderForm(
                s.issuerUri(),
                s.clientId(),
                String.join(" ", s.scopes()),
                s.emailClaim(),
                s.nameClaim(),
                s.affiliationClaim(),
                s.trustEmail(),
                s.affiliationsFor(Role.PROFESSOR),
                s.affiliationsFor(Role.SUPERVISOR),
                s.affiliationsFor(Role.ORGANISATION_ADMIN),
                s.enabled());
    }

    /** The same form with every value cut to a length a page can show back. */
    ProviderForm clipped() {
        return new ProviderForm(
                clip(issuerUri),
                clip(clientId),
                clip(scopes),
                clip(emailClaim),
                clip(nameClaim),
                clip(affiliationClaim),
                trustEmail,
                clip(professorAffiliations),
                clip(supervisorAffiliations),
                clip(adminAffiliations),
                enabled);
    }

    private static String clip(String s) {
        return s.length() > 600 ? s.substring(0, 600) : s;
    }
}
