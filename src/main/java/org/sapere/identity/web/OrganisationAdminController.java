package org.sapere.identity.web;

import jakarta.servlet.http.HttpServletResponse;
import java.util.UUID;
import org.sapere.identity.IdentityDirectory;
import org.sapere.identity.Role;
import org.sapere.identity.SignedInUser;
import org.sapere.identity.domain.Memberships;
import org.sapere.identity.domain.OrganisationProfiles;
import org.sapere.shared.NotFoundException;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * An organisation's people and their roles, for its organisation admins (and platform admins). Every action
 * checks, on the server, that the signed-in person administers this organisation.
 */
@Controller
class OrganisationAdminController {

    private final Memberships memberships;
    private final IdentityDirectory identity;
    private final OrganisationProfiles profiles;

    OrganisationAdminController(Memberships memberships, IdentityDirectory identity, OrganisationProfiles profiles) {
        this.memberships = memberships;
        this.identity = identity;
        this.profiles = profiles;
    }

    @PostMapping("/admin/organisations/{slug}/profile")
    ModelAndView updateProfile(
            @PathVariable String slug,
            @RequestParam(defaultValue = "") String name,
            @RequestParam(defaultValue = "") String shortName,
            @RequestParam(defaultValue = "") String city,
            @RequestParam(defaultValue = "") String country,
            @RequestParam(defaultValue = "") String website,
            @RequestParam(defaultValue = "") String brandColour,
            @RequestParam(defaultValue = "") String staffDomains,
            @RequestParam(defaultValue = "") String alumniDomains,
            @AuthenticationPrincipal SignedInUser user,
            HttpServletResponse response,
            RedirectAttributes flash) {
        var organisation = administered(slug, user);
        var current = profiles.find(organisation).orElseThrow();
        var colour = brandColour.strip().toLowerCase(java.util.Locale.ROOT);
        var submitted = new OrganisationProfiles.Profile(
                name,
                shortName,
                city,
                country,
                website,
                colour.isEmpty() ? null : colour,
                OrganisationProfiles.domains(staffDomains),
                OrganisationProfiles.domains(alumniDomains),
                current.logoVersion());
        var errors = profiles.update(organisation, submitted, user.accountId().value());
        if (!errors.isEmpty()) {
            response.setStatus(422);
            return page(slug, user, null, "")
                    .addObject("profile", clip(submitted))
                    .addObject("profileErrors", new FormErrors(errors));
        }
        identity.refreshOrganisations();
        flash.addFlashAttribute("notice", "orgProfile.saved");
        return new ModelAndView("redirect:/admin/organisations/" + slug);
    }

    @PostMapping("/admin/organisations/{slug}/logo")
    ModelAndView replaceLogo(
            @PathVariable String slug,
            @RequestParam(name = "logo", required = false) org.springframework.web.multipart.MultipartFile logo,
            @AuthenticationPrincipal SignedInUser user,
            HttpServletResponse response,
            RedirectAttributes flash)
            throws java.io.IOException {
        var organisation = administered(slug, user);
        String problem;
        if (logo == null || logo.isEmpty()) {
            problem = "orgProfile.logo.missing";
        } else if (logo.getSize() > OrganisationProfiles.MAX_LOGO_BYTES) {
            problem = "orgProfile.logo.tooLarge";
        } else {
            problem = profiles.replaceLogo(
                    organisation, logo.getBytes(), user.accountId().value());
        }
        if (problem != null) {
            response.setStatus(422);
            return page(slug, user, null, "").addObject("logoError", problem);
        }
        flash.addFlashAttribute("notice", "orgProfile.logoSaved");
        return new ModelAndView("redirect:/admin/organisations/" + slug);
    }

    private static OrganisationProfiles.Profile clip(OrganisationProfiles.Profile p) {
        return new OrganisationProfiles.Profile(
                cut(p.name(), 200),
                cut(p.shortName(), 40),
                cut(p.city(), 100),
                cut(p.country(), 2),
                cut(p.website(), 300),
                p.brandColour() == null ? null : cut(p.brandColour(), 7),
                p.staffDomains().stream().limit(20).map(d -> cut(d, 253)).toList(),
                p.alumniDomains().stream().limit(20).map(d -> cut(d, 253)).toList(),
                p.logoVersion());
    }

    private static String cut(String value, int max) {
        return value.length() > max ? value.substring(0, max) : value;
    }

    @GetMapping("/admin/organisations")
    ModelAndView list(@AuthenticationPrincipal SignedInUser user) {
        return new ModelAndView("identity/organisations")
                .addObject(
                        "organisations",
                        memberships.administeredBy(user.accountId().value(), user.platformAdmin()));
    }

    @GetMapping("/admin/organisations/{slug}")
    ModelAndView show(@PathVariable String slug, @AuthenticationPrincipal SignedInUser user) {
        return page(slug, user, null, "");
    }

    @PostMapping("/admin/organisations/{slug}/members")
    ModelAndView grant(
            @PathVariable String slug,
            @RequestParam(defaultValue = "") String email,
            @RequestParam(defaultValue = "") String role,
            @AuthenticationPrincipal SignedInUser user,
            java.util.Locale locale,
            HttpServletResponse response,
            RedirectAttributes flash) {
        var organisation = administered(slug, user);
        var parsed = parseRole(role);
        if (parsed == null || email.isBlank() || email.length() > 254) {
            response.setStatus(422);
            return page(slug, user, "organisation.grant.invalid", clip(email));
        }
        var address = email.strip();
        if (!address.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
            response.setStatus(422);
            return page(slug, user, "organisation.grant.invalid", clip(email));
        }
        if (memberships
                .grant(organisation, address, parsed, user.accountId().value())
                .isPresent()) {
            flash.addFlashAttribute("notice", "organisation.granted");
        } else {
            memberships.invite(
                    organisation, address, parsed, user.accountId().value(), user.displayName(), locale.getLanguage());
            flash.addFlashAttribute("notice", "organisation.invited");
        }
        return new ModelAndView("redirect:/admin/organisations/" + slug);
    }

    @PostMapping("/admin/organisations/{slug}/members/{account}/revoke")
    String revoke(
            @PathVariable String slug,
            @PathVariable UUID account,
            @RequestParam(defaultValue = "") String role,
            @AuthenticationPrincipal SignedInUser user,
            RedirectAttributes flash) {
        var organisation = administered(slug, user);
        var parsed = parseRole(role);
        if (parsed != null) {
            memberships.revoke(organisation, account, parsed, user.accountId().value());
            flash.addFlashAttribute("notice", "organisation.revoked");
        }
        return "redirect:/admin/organisations/" + slug;
    }

    private ModelAndView page(String slug, SignedInUser user, String error, String email) {
        var organisation = administered(slug, user);
        var org = identity.organisationBySlug(slug).orElseThrow();
        var countries = java.util.Arrays.stream(java.util.Locale.getISOCountries())
                .map(code -> new Option(code, java.util.Locale.of("", code).getDisplayCountry(locale())))
                .sorted(java.util.Comparator.comparing(Option::label))
                .toList();
        return new ModelAndView("identity/organisation")
                .addObject("organisation", org)
                .addObject("profile", profiles.find(organisation).orElseThrow())
                .addObject("profileErrors", new FormErrors(java.util.List.of()))
                .addObject("countries", countries)
                .addObject("members", memberships.members(organisation))
                .addObject("invitations", memberships.pendingInvitations(organisation))
                .addObject("roles", Role.values())
                .addObject("error", error)
                .addObject("email", email);
    }

    private static java.util.Locale locale() {
        return LocaleContextHolder.getLocale();
    }

    /** The organisation's id, if the signed-in person administers it; otherwise 404 or 403. */
    private UUID administered(String slug, SignedInUser user) {
        var organisation = identity.organisationBySlug(slug).orElseThrow(() -> new NotFoundException(slug));
        if (!memberships.mayAdminister(user.accountId().value(), user.platformAdmin(), slug)) {
            throw new AccessDeniedException("not an admin of " + slug);
        }
        return organisation.id().value();
    }

    private static Role parseRole(String role) {
        try {
            return Role.valueOf(role);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static String clip(String s) {
        return s.length() > 300 ? s.substring(0, 300) : s;
    }
}
