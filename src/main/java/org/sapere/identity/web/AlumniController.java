package org.sapere.identity.web;

import jakarta.servlet.http.HttpServletResponse;
import java.util.Locale;
import java.util.UUID;
import org.sapere.identity.SignedInUser;
import org.sapere.identity.domain.Alumni;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** A learner proves alumni status of a partner university by confirming an address at its alumni domain. */
@Controller
class AlumniController {

    private final Alumni alumni;

    AlumniController(Alumni alumni) {
        this.alumni = alumni;
    }

    @GetMapping("/account/alumni")
    ModelAndView page(@AuthenticationPrincipal SignedInUser user) {
        return page(user, null, "", "");
    }

    @PostMapping("/account/alumni")
    ModelAndView request(
            @AuthenticationPrincipal SignedInUser user,
            @RequestParam(defaultValue = "") String organisation,
            @RequestParam(defaultValue = "") String email,
            Locale locale,
            HttpServletResponse response,
            RedirectAttributes flash) {
        var outcome = alumni.request(user.accountId().value(), organisation, email, locale.getLanguage());
        return switch (outcome) {
            case SENT -> {
                flash.addFlashAttribute("notice", "alumni.sent");
                yield new ModelAndView("redirect:/account/alumni");
            }
            case ALREADY_CONFIRMED -> {
                flash.addFlashAttribute("notice", "alumni.already");
                yield new ModelAndView("redirect:/account/alumni");
            }
            case UNKNOWN_ORGANISATION -> {
                response.setStatus(422);
                yield page(user, "alumni.chooseUniversity", "", clip(email));
            }
            case NOT_AN_ALUMNI_DOMAIN -> {
                response.setStatus(422);
                yield page(user, "alumni.wrongDomain", organisation, clip(email));
            }
        };
    }

    @PostMapping("/account/alumni/{id}/withdraw")
    String withdraw(
            @AuthenticationPrincipal SignedInUser user,
            @PathVariable("id") UUID organisation,
            RedirectAttributes flash) {
        alumni.withdraw(user.accountId().value(), organisation);
        flash.addFlashAttribute("notice", "alumni.withdrawn");
        return "redirect:/account/alumni";
    }

    /** The link in the mail: the token alone identifies the claim, so it works on any device, signed in or not. */
    @GetMapping("/alumni/confirm")
    ModelAndView confirm(@RequestParam(defaultValue = "") String token, HttpServletResponse response) {
        var confirmed = alumni.confirm(token);
        if (confirmed.isEmpty()) {
            response.setStatus(400);
        }
        return new ModelAndView("identity/alumniConfirmed").addObject("organisation", confirmed.orElse(null));
    }

    private ModelAndView page(SignedInUser user, String error, String organisation, String email) {
        return new ModelAndView("identity/alumni")
                .addObject("statuses", alumni.of(user.accountId().value()))
                .addObject("claimable", alumni.claimable())
                .addObject("error", error)
                .addObject("organisation", organisation)
                .addObject("email", email);
    }

    private static String clip(String value) {
        return value.length() > 254 ? value.substring(0, 254) : value;
    }
}
