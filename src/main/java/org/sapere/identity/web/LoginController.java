package org.sapere.identity.web;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.sapere.shared.web.SignInOptions;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/** The sign-in page; Spring Security handles the form's POST. */
@Controller
class LoginController {

    private final List<SignInOptions> otherWays;

    LoginController(List<SignInOptions> otherWays) {
        this.otherWays = otherWays;
    }

    @GetMapping("/login")
    ModelAndView login(
            @RequestParam(required = false) @Nullable String error,
            @RequestParam(required = false) @Nullable String reset,
            @RequestParam(required = false, defaultValue = "0") long wait) {
        String problem = null;
        if (error != null) {
            problem = switch (error) {
                case "throttled" -> "login.throttled";
                case "unverified" -> "login.unverified";
                case "deactivated" -> "login.deactivated";
                case "sso" -> "login.sso.failed";
                case "sso-denied" -> "login.sso.denied";
                case "sso-conflict" -> "login.sso.conflict";
                case "sso-incomplete" -> "login.sso.incomplete";
                default -> "login.failed";
            };
        }
        var minutes = Math.max(1, (wait + 59) / 60);
        return new ModelAndView("identity/login")
                .addObject("problem", problem)
                .addObject("waitMinutes", (int) Math.min(minutes, 60))
                .addObject("passwordReset", reset != null)
                .addObject(
                        "otherWays",
                        otherWays.stream()
                                .flatMap(o -> o.signInOptions().stream())
                                .toList());
    }
}
