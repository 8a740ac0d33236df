package org.sapere.learning.goals;

import org.sapere.identity.SignedInUser;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The learner's weekly goal, streak and reminder choices (the card on "My learning" links here). */
@Controller
class GoalController {

    private final WeeklyGoals goals;

    GoalController(WeeklyGoals goals) {
        this.goals = goals;
    }

    @GetMapping("/learn/goal")
    ModelAndView edit(@AuthenticationPrincipal SignedInUser user) {
        var settings = goals.settings(user.accountId());
        var form = settings.equals(GoalSettings.NONE) ? GoalForm.SUGGESTED : GoalForm.of(settings);
        return page(form);
    }

    @PostMapping("/learn/goal")
    ModelAndView save(
            @AuthenticationPrincipal SignedInUser user,
            @RequestParam(defaultValue = "") String kind,
            @RequestParam(defaultValue = "") String target,
            @RequestParam(defaultValue = "false") boolean streaks,
            @RequestParam(defaultValue = "false") boolean weeklyReminder,
            RedirectAttributes flash) {
        var form = new GoalForm(kind, target, streaks, weeklyReminder);
        if (!form.problems().isEmpty()) {
            var refused = page(form).addObject("problems", form.problems());
            refused.setStatus(HttpStatus.UNPROCESSABLE_CONTENT);
            return refused;
        }
        goals.save(user.accountId(), form.settings());
        flash.addFlashAttribute("notice", "goal.saved");
        return new ModelAndView("redirect:/learn");
    }

    private static ModelAndView page(GoalForm form) {
        return new ModelAndView("learning/goal")
                .addObject("form", form)
                .addObject("minutes", GoalKind.MINUTES)
                .addObject("lessons", GoalKind.LESSONS);
    }
}
