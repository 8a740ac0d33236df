package org.sapere.identity.web;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/** The sign-in page; Spring Security handles the form's POST. */
@Controller
class LoginController {

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
                default -> "login.failed";
            };
        }
        var minutes = Math.max(1, (wait + 59) / 60);
        return new ModelAndView("identity/login")
                .addObject("problem", problem)
                .addObject("waitMinutes", (int) Math.min(minutes, 60))
                .addObject("passwordReset", reset != null);
    }
}
