package org.sapere.identity.web;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/** The sign-in page; Spring Security handles the form's POST. */
@Controller
class LoginController {

    @GetMapping("/login")
    ModelAndView login(@RequestParam(required = false) String error, @RequestParam(required = false) String logout) {
        return new ModelAndView("identity/login")
                .addObject("failed", error != null)
                .addObject("email", "");
    }
}
