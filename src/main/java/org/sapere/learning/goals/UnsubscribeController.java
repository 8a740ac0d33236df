package org.sapere.learning.goals;

import java.util.Optional;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.ModelAndView;

/**
 * The reminder mail's unsubscribe link, which works without signing in: the token in the address is the only
 * credential. Opening it only asks (mail scanners open links); the button, or a mail program's one-click request
 * (RFC 8058, see {@link ReminderSecurity}), turns the reminder off.
 */
@Controller
class UnsubscribeController {

    static final String PATH = "/learn/reminders/unsubscribe/";

    private final LearnerSettings settings;

    UnsubscribeController(LearnerSettings settings) {
        this.settings = settings;
    }

    @GetMapping(PATH + "{token}")
    ModelAndView confirm(@PathVariable String token) {
        var reminder = parse(token).flatMap(settings::reminderByToken);
        if (reminder.isEmpty()) {
            return unknown();
        }
        return page(reminder.get() ? "confirm" : "alreadyOff", token);
    }

    @PostMapping(PATH + "{token}")
    ModelAndView unsubscribe(@PathVariable String token) {
        var done = parse(token).map(settings::unsubscribe).orElse(false);
        return done ? page("done", token) : unknown();
    }

    private static ModelAndView page(String state, String token) {
        return new ModelAndView("learning/unsubscribe")
                .addObject("state", state)
                .addObject("action", PATH + token);
    }

    /** A clear page, with status 404, for a token that is mistyped, cut off or of an account since deleted. */
    private static ModelAndView unknown() {
        var view = page("unknown", "");
        view.setStatus(HttpStatus.NOT_FOUND);
        return view;
    }

    private static Optional<UUID> parse(String token) {
        try {
            return token.length() == 36 ? Optional.of(UUID.fromString(token)) : Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
