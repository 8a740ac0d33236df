package org.sapere.credential.web;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.sapere.credential.Credentials;
import org.sapere.identity.IdentityDirectory;
import org.sapere.identity.Organisation;
import org.sapere.identity.OrganisationId;
import org.sapere.identity.SignedInUser;
import org.sapere.shared.NotFoundException;
import org.springframework.http.HttpStatus;
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
 * Revoking credentials, for platform admins and the issuing university's admins: find a credential by holder,
 * course or id, and revoke it with a reason the verification page shows. Platform admins also rotate a
 * university's signing key.
 */
@Controller
class CredentialAdminController {

    static final int MAX_REASON = 500;

    private final Credentials credentials;
    private final IdentityDirectory identity;

    CredentialAdminController(Credentials credentials, IdentityDirectory identity) {
        this.credentials = credentials;
        this.identity = identity;
    }

    @GetMapping("/admin/credentials")
    ModelAndView list(@AuthenticationPrincipal SignedInUser user, @RequestParam(defaultValue = "") String q) {
        var administered = administered(user);
        if (administered.isEmpty()) {
            throw new AccessDeniedException("Not an admin of any university");
        }
        var query = q.strip().length() > 200 ? q.strip().substring(0, 200) : q.strip();
        var names = identity.organisations().stream().collect(Collectors.toMap(Organisation::id, Function.identity()));
        var rows = credentials.search(query, 100).stream()
                .filter(c -> user.platformAdmin() || administered.contains(c.organisation()))
                .map(c -> new AdminRow(
                        c,
                        names.containsKey(c.organisation())
                                ? names.get(c.organisation()).name()
                                : "",
                        !c.revoked()))
                .toList();
        var universities = user.platformAdmin() ? identity.organisations() : List.<Organisation>of();
        return new ModelAndView("credential/admin")
                .addObject("rows", rows)
                .addObject("q", query)
                .addObject("universities", universities);
    }

    @PostMapping("/admin/credentials/{id}/revoke")
    ModelAndView revoke(
            @AuthenticationPrincipal SignedInUser user,
            @PathVariable String id,
            @RequestParam(defaultValue = "") String reason,
            RedirectAttributes flash) {
        var credential = CredentialFilesController.Ids.parse(id)
                .flatMap(credentials::find)
                .orElseThrow(() -> new NotFoundException("credential"));
        if (!credentials.mayRevoke(user.accountId(), credential)) {
            throw new AccessDeniedException("Not an admin of the issuing university");
        }
        var text = reason.strip();
        if (text.length() < 3 || text.length() > MAX_REASON) {
            var page = list(user, credential.id().toString())
                    .addObject("problemId", credential.id())
                    .addObject("reason", text.length() > MAX_REASON ? text.substring(0, MAX_REASON) : text);
            page.setStatus(HttpStatus.UNPROCESSABLE_CONTENT);
            return page;
        }
        credentials.revoke(credential.id(), user.accountId(), text);
        flash.addFlashAttribute("notice", "admin.credentials.revoked");
        return new ModelAndView("redirect:/admin/credentials?q=" + credential.id());
    }

    @PostMapping("/admin/organisations/{slug}/keys/rotate")
    String rotate(@AuthenticationPrincipal SignedInUser user, @PathVariable String slug, RedirectAttributes flash) {
        if (!user.platformAdmin()) {
            throw new AccessDeniedException("Platform admins rotate keys");
        }
        if (identity.organisationBySlug(slug).isEmpty()) {
            throw new NotFoundException("organisation " + slug);
        }
        credentials.rotateKey(slug);
        flash.addFlashAttribute("notice", "admin.credentials.rotated");
        return "redirect:/admin/credentials";
    }

    private java.util.Set<OrganisationId> administered(SignedInUser user) {
        Map<OrganisationId, Organisation> all =
                identity.organisations().stream().collect(Collectors.toMap(Organisation::id, Function.identity()));
        return all.values().stream()
                .filter(o -> identity.administers(user.accountId(), o.slug()))
                .map(Organisation::id)
                .collect(Collectors.toSet());
    }
}
