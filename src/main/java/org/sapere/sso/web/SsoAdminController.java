package org.sapere.sso.web;

import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.sapere.identity.ExternalSignIn;
import org.sapere.identity.IdentityDirectory;
import org.sapere.identity.Organisation;
import org.sapere.identity.SignedInUser;
import org.sapere.shared.NotFoundException;
import org.sapere.sso.domain.OrganisationClientRegistrations;
import org.sapere.sso.domain.ProviderSettings;
import org.sapere.sso.domain.Providers;
import org.sapere.sso.domain.SsoProperties;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * An organisation's single sign-on settings, for its organisation admins and platform admins (checked here, on
 * the server, per organisation). The client secret is never shown back; a blank one keeps the stored secret.
 */
@Controller
class SsoAdminController {

    private final IdentityDirectory identity;
    private final Providers providers;
    private final ExternalSignIn audit;
    private final SsoProperties properties;

    SsoAdminController(
            IdentityDirectory identity, Providers providers, ExternalSignIn audit, SsoProperties properties) {
        this.identity = identity;
        this.providers = providers;
        this.audit = audit;
        this.properties = properties;
    }

    @GetMapping("/admin/organisations/{slug}/sso")
    ModelAndView show(@PathVariable String slug, @AuthenticationPrincipal SignedInUser user) {
        var organisation = administered(slug, user);
        var settings = providers.find(slug);
        return page(
                organisation,
                settings.map(ProviderForm::of).orElseGet(ProviderForm::empty),
                Map.of(),
                settings.isPresent(),
                settings.map(ProviderSettings::fromProperties).orElse(false));
    }

    @PostMapping("/admin/organisations/{slug}/sso")
    ModelAndView save(
            @PathVariable String slug,
            @RequestParam(defaultValue = "") String issuerUri,
            @RequestParam(defaultValue = "") String clientId,
            @RequestParam(defaultValue = "") String clientSecret,
            @RequestParam(defaultValue = "") String scopes,
            @RequestParam(defaultValue = "") String emailClaim,
            @RequestParam(defaultValue = "") String nameClaim,
            @RequestParam(defaultValue = "") String affiliationClaim,
            @RequestParam(defaultValue = "false") boolean trustEmail,
            @RequestParam(defaultValue = "") String professorAffiliations,
            @RequestParam(defaultValue = "") String supervisorAffiliations,
            @RequestParam(defaultValue = "") String adminAffiliations,
            @RequestParam(defaultValue = "false") boolean enabled,
            @AuthenticationPrincipal SignedInUser user,
            HttpServletResponse response,
            RedirectAttributes flash) {
        var organisation = administered(slug, user);
        var current = providers.find(slug);
        var form = new ProviderForm(
                issuerUri,
                clientId,
                scopes,
                emailClaim,
                nameClaim,
                affiliationClaim,
                trustEmail,
                professorAffiliations,
                supervisorAffiliations,
                adminAffiliations,
                enabled);
        if (current.isPresent() && current.get().fromProperties()) {
            response.setStatus(409);
            return page(organisation, ProviderForm.of(current.get()), Map.of(), true, true);
        }
        var validation = new ProviderValidation();
        var settings =
                validation.check(form, clientSecret, current.isPresent(), organisation, properties.allowLoopbackHttp());
        if (settings != null && settings.enabled()) {
            // Read the provider's discovery document now, so a typo shows here and not at someone's sign-in.
            try {
                // (A blank secret keeps the stored one; the document does not depend on it.)
                OrganisationClientRegistrations.build(
                        settings.clientSecret().isEmpty() ? settings.withClientSecret("kept") : settings);
            } catch (RuntimeException unreachable) {
                validation.errors().put("issuerUri", "sso.error.discovery");
                settings = null;
            }
        }
        if (settings == null) {
            response.setStatus(422);
            return page(organisation, form.clipped(), validation.errors(), current.isPresent(), false);
        }
        providers.save(settings, clientSecret);
        audit.audit(
                "SSO_SETTINGS_CHANGED",
                user.accountId(),
                null,
                null,
                "single sign-on of " + slug + " by " + user.accountId() + (settings.enabled() ? "" : "; disabled"));
        flash.addFlashAttribute("notice", "sso.saved");
        return new ModelAndView("redirect:/admin/organisations/" + slug + "/sso");
    }

    private ModelAndView page(
            Organisation organisation,
            ProviderForm form,
            Map<String, String> errors,
            boolean configured,
            boolean fromProperties) {
        var callback = ServletUriComponentsBuilder.fromCurrentContextPath()
                .path("/login/oauth2/code/" + organisation.slug())
                .build()
                .toUriString();
        return new ModelAndView("sso/provider")
                .addObject("organisation", organisation)
                .addObject("form", form)
                .addObject("errors", new ProviderFormErrors(errors))
                .addObject("configured", configured)
                .addObject("fromProperties", fromProperties)
                .addObject("callback", callback);
    }

    /** The organisation, if the signed-in person administers it; otherwise 404 or 403. */
    private Organisation administered(String slug, @Nullable SignedInUser user) {
        var organisation = identity.organisationBySlug(slug).orElseThrow(() -> new NotFoundException(slug));
        if (user == null || !identity.administers(user.accountId(), slug)) {
            throw new AccessDeniedException("not an admin of " + slug);
        }
        return organisation;
    }
}
