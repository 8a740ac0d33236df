package org.sapere.credential.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.sapere.credential.Credentials;
import org.sapere.credential.IssuedCredential;
import org.sapere.credential.domain.Issuers;
import org.sapere.identity.IdentityDirectory;
import org.sapere.identity.Organisation;
import org.sapere.identity.SignedInUser;
import org.sapere.shared.NotFoundException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * "My credentials": every credential of the signed-in learner with its formats, its share link, "Add to
 * LinkedIn", and the choice to show it on their public profile; and that public profile.
 */
@Controller
class WalletController {

    private final Credentials credentials;
    private final IdentityDirectory identity;
    private final Issuers issuers;

    WalletController(Credentials credentials, IdentityDirectory identity, Issuers issuers) {
        this.credentials = credentials;
        this.identity = identity;
        this.issuers = issuers;
    }

    @GetMapping("/credentials")
    ModelAndView wallet(@AuthenticationPrincipal SignedInUser user) {
        var mine = credentials.of(user.accountId());
        return new ModelAndView("credential/wallet")
                .addObject("entries", entries(mine))
                .addObject(
                        "profileUrl",
                        issuers.url("/learners/" + user.accountId().value() + "/credentials"))
                .addObject("anyPublic", mine.stream().anyMatch(c -> c.publicOnProfile() && !c.revoked()));
    }

    /**
     * The "recently earned" card that My learning loads into its page (learning cannot call this module): the
     * learner's credentials of the last 90 days that are in force, at most three; nothing when there are none.
     */
    @GetMapping("/credentials/recent")
    ModelAndView recent(@AuthenticationPrincipal SignedInUser user) {
        var since = java.time.Instant.now().minus(java.time.Duration.ofDays(90));
        var recent = credentials.of(user.accountId()).stream()
                .filter(c -> !c.revoked() && c.issuedAt().isAfter(since))
                .limit(3)
                .toList();
        return new ModelAndView("credential/recent").addObject("entries", entries(recent));
    }

    @PostMapping("/credentials/{id}/public")
    String setPublic(
            @AuthenticationPrincipal SignedInUser user,
            @PathVariable String id,
            @RequestParam(defaultValue = "false") boolean shown,
            RedirectAttributes flash) {
        var credential = CredentialFilesController.Ids.parse(id).orElseThrow(() -> new NotFoundException("credential"));
        if (!credentials.setPublic(user.accountId(), credential, shown)) {
            throw new NotFoundException("credential");
        }
        flash.addFlashAttribute("notice", shown ? "wallet.shownOnProfile" : "wallet.hiddenFromProfile");
        return "redirect:/credentials#credential-" + credential;
    }

    /** The learner's public profile of credentials: only those they chose to show; 404 when there are none. */
    @GetMapping("/learners/{id}/credentials")
    ModelAndView profile(@PathVariable String id) {
        var learner = CredentialFilesController.Ids.parse(id)
                .map(org.sapere.identity.AccountId::new)
                .orElseThrow(() -> new NotFoundException("profile"));
        var shown = credentials.publicOf(learner);
        if (shown.isEmpty()) {
            throw new NotFoundException("profile");
        }
        return new ModelAndView("credential/profile")
                .addObject("holderName", shown.getFirst().holderName())
                .addObject("entries", entries(shown));
    }

    private List<WalletEntry> entries(List<IssuedCredential> list) {
        Map<org.sapere.identity.OrganisationId, Organisation> organisations =
                identity.organisations().stream().collect(Collectors.toMap(Organisation::id, Function.identity()));
        return list.stream()
                .map(c -> {
                    var organisation = organisations.get(c.organisation());
                    var name = organisation == null ? "" : organisation.name();
                    var verifyUrl = issuers.url("/verify/" + c.id());
                    return new WalletEntry(c, name, verifyUrl, linkedIn(c, name, verifyUrl));
                })
                .toList();
    }

    /** LinkedIn's "add a licence or certification" form, filled in. */
    static String linkedIn(IssuedCredential c, String organisation, String verifyUrl) {
        var issued = c.issuedAt().atZone(ZoneOffset.UTC);
        return "https://www.linkedin.com/profile/add?startTask=CERTIFICATION_NAME"
                + "&name=" + encode(c.courseTitle())
                + "&organizationName=" + encode(organisation)
                + "&issueYear=" + issued.getYear()
                + "&issueMonth=" + issued.getMonthValue()
                + "&certUrl=" + encode(verifyUrl)
                + "&certId=" + encode(c.id().toString());
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
