package org.sapere.identity.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.sapere.identity.domain.AccountRegistration;
import org.sapere.identity.domain.AccountRegistration.FieldError;
import org.sapere.identity.domain.PasswordPolicy;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/** Registering, confirming the address, and resetting a forgotten password. */
@Controller
class RegistrationController {

    private final AccountRegistration registration;

    RegistrationController(AccountRegistration registration) {
        this.registration = registration;
    }

    @GetMapping("/register")
    ModelAndView form() {
        return registerPage(new RegisterForm("", ""), List.of());
    }

    @PostMapping("/register")
    ModelAndView register(
            @RequestParam(defaultValue = "") String email,
            @RequestParam(defaultValue = "") String displayName,
            @RequestParam(defaultValue = "") String password,
            Locale locale,
            HttpServletRequest request,
            HttpServletResponse response) {
        var errors = registration.register(email, displayName, password, locale, request.getRemoteAddr());
        if (!errors.isEmpty()) {
            response.setStatus(422);
            return registerPage(new RegisterForm(clip(email, 300), clip(displayName, 300)), errors);
        }
        return new ModelAndView("identity/checkMail").addObject("email", email.strip());
    }

    @GetMapping("/verify-email")
    ModelAndView verify(@RequestParam(defaultValue = "") String token, HttpServletResponse response) {
        var verified = registration.verify(token);
        if (!verified) {
            response.setStatus(400);
        }
        return new ModelAndView("identity/verified").addObject("verified", verified);
    }

    @GetMapping("/forgot-password")
    ModelAndView forgotForm() {
        return new ModelAndView("identity/forgot").addObject("sent", false).addObject("email", "");
    }

    @PostMapping("/forgot-password")
    ModelAndView forgot(@RequestParam(defaultValue = "") String email, HttpServletRequest request) {
        registration.requestPasswordReset(email, request.getRemoteAddr());
        return new ModelAndView("identity/forgot").addObject("sent", true).addObject("email", clip(email, 300));
    }

    @GetMapping("/reset-password")
    ModelAndView resetForm(@RequestParam(defaultValue = "") String token, HttpServletResponse response) {
        var usable = registration.isResetTokenUsable(token);
        if (!usable) {
            response.setStatus(400);
        }
        return resetPage(token, usable, List.of());
    }

    @PostMapping("/reset-password")
    ModelAndView reset(
            @RequestParam(defaultValue = "") String token,
            @RequestParam(defaultValue = "") String password,
            Locale locale,
            HttpServletRequest request,
            HttpServletResponse response) {
        var errors = registration.resetPassword(token, password, locale, request.getRemoteAddr());
        if (errors.isEmpty()) {
            return new ModelAndView("redirect:/login?reset");
        }
        var linkBroken = errors.stream().anyMatch(e -> e.field().equals("token"));
        response.setStatus(linkBroken ? 400 : 422);
        return resetPage(token, !linkBroken, errors);
    }

    private static ModelAndView registerPage(RegisterForm form, List<FieldError> errors) {
        return new ModelAndView("identity/register")
                .addObject("form", form)
                .addObject("errors", new FormErrors(errors))
                .addObject("minLength", PasswordPolicy.MIN_LENGTH);
    }

    private static ModelAndView resetPage(String token, boolean usable, List<FieldError> errors) {
        return new ModelAndView("identity/reset")
                .addObject("token", clip(token, 100))
                .addObject("usable", usable)
                .addObject("errors", new FormErrors(errors))
                .addObject("minLength", PasswordPolicy.MIN_LENGTH);
    }

    private static String clip(@Nullable String s, int max) {
        return s == null ? "" : s.length() > max ? s.substring(0, max) : s;
    }
}
