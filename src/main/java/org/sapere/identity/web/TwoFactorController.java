package org.sapere.identity.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.sapere.identity.RecentSignIn;
import org.sapere.identity.SignInStage;
import org.sapere.identity.SignedInUser;
import org.sapere.identity.domain.TwoFactor;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.authentication.logout.SecurityContextLogoutHandler;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Setting up TOTP, and the second step of signing in with it. */
@Controller
class TwoFactorController {

    private static final String PENDING_SECRET = "sapere.totp.pending-secret";
    private static final String FAILURES = "sapere.totp.failures";
    private static final int MAX_FAILURES = 5;

    private final TwoFactor twoFactor;

    TwoFactorController(TwoFactor twoFactor) {
        this.twoFactor = twoFactor;
    }

    @GetMapping("/login/two-factor")
    ModelAndView codeForm() {
        return new ModelAndView("identity/twoFactorCode").addObject("failed", false);
    }

    @PostMapping("/login/two-factor")
    ModelAndView code(
            @AuthenticationPrincipal SignedInUser user,
            @RequestParam(defaultValue = "") String code,
            HttpServletRequest request,
            HttpServletResponse response) {
        var session = request.getSession();
        if (twoFactor.verify(user.accountId().value(), code)) {
            session.removeAttribute(FAILURES);
            return finishSignIn(user, request, response);
        }
        var failures = (Integer) session.getAttribute(FAILURES);
        failures = failures == null ? 1 : failures + 1;
        if (failures >= MAX_FAILURES) {
            // Too many wrong codes: start over from the password, which the throttle counts.
            new SecurityContextLogoutHandler().logout(request, response, null);
            return new ModelAndView("redirect:/login?error");
        }
        session.setAttribute(FAILURES, failures);
        response.setStatus(422);
        return new ModelAndView("identity/twoFactorCode").addObject("failed", true);
    }

    @GetMapping("/account/two-factor")
    ModelAndView setup(@AuthenticationPrincipal SignedInUser user, HttpSession session, Authentication authentication) {
        if (twoFactor.isEnabled(user.accountId().value())) {
            return new ModelAndView("identity/twoFactorOn")
                    .addObject("required", twoFactor.isRequired(user.accountId().value()));
        }
        var secret = (String) session.getAttribute(PENDING_SECRET);
        if (secret == null) {
            secret = twoFactor.newSecret();
            session.setAttribute(PENDING_SECRET, secret);
        }
        return setupPage(user, secret, false, SignInSuccessHandler.has(authentication, SignInStage.TWO_FACTOR_SETUP));
    }

    @PostMapping("/account/two-factor")
    ModelAndView enable(
            @AuthenticationPrincipal SignedInUser user,
            @RequestParam(defaultValue = "") String code,
            HttpServletRequest request,
            HttpServletResponse response,
            Authentication authentication,
            RedirectAttributes flash) {
        var session = request.getSession();
        var secret = (String) session.getAttribute(PENDING_SECRET);
        if (secret == null) {
            return new ModelAndView("redirect:/account/two-factor");
        }
        if (!twoFactor.enable(user.accountId().value(), secret, code)) {
            response.setStatus(422);
            return setupPage(
                    user, secret, true, SignInSuccessHandler.has(authentication, SignInStage.TWO_FACTOR_SETUP));
        }
        session.removeAttribute(PENDING_SECRET);
        flash.addFlashAttribute("notice", "twoFactor.enabled");
        if (SignInSuccessHandler.has(authentication, SignInStage.TWO_FACTOR_SETUP)) {
            return finishSignIn(user, request, response);
        }
        return new ModelAndView("redirect:/account");
    }

    @PostMapping("/account/two-factor/disable")
    ModelAndView disable(@AuthenticationPrincipal SignedInUser user, RedirectAttributes flash) {
        if (twoFactor.isRequired(user.accountId().value())) {
            flash.addFlashAttribute("notice", "twoFactor.requiredForAdmins");
            return new ModelAndView("redirect:/account/two-factor");
        }
        twoFactor.disable(user.accountId().value());
        flash.addFlashAttribute("notice", "twoFactor.disabled");
        return new ModelAndView("redirect:/account");
    }

    private ModelAndView setupPage(SignedInUser user, String secret, boolean failed, boolean required) {
        return new ModelAndView("identity/twoFactorSetup")
                .addObject("qrCode", twoFactor.qrCode(user.getUsername(), secret))
                .addObject("secret", secret.replaceAll("(.{4})", "$1 ").strip())
                .addObject("failed", failed)
                .addObject("required", required);
    }

    /** The second factor is done: the session gets the person's full authorities and a new id. */
    private static ModelAndView finishSignIn(
            SignedInUser user, HttpServletRequest request, HttpServletResponse response) {
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
        SecurityContextHolder.setContext(context);
        request.changeSessionId();
        new HttpSessionSecurityContextRepository().saveContext(context, request, response);
        RecentSignIn.mark(request);
        var saved = new HttpSessionRequestCache().getRequest(request, response);
        return new ModelAndView("redirect:" + (saved == null ? "/" : saved.getRedirectUrl()));
    }
}
