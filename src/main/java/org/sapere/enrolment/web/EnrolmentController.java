package org.sapere.enrolment.web;

import org.sapere.course.CourseAuthoring;
import org.sapere.course.CourseOutline;
import org.sapere.enrolment.Registrar;
import org.sapere.identity.SignedInUser;
import org.sapere.shared.NotFoundException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Enrol and unenrol buttons on a course page. */
@Controller
class EnrolmentController {

    private final Registrar registrar;
    private final CourseAuthoring courses;

    EnrolmentController(Registrar registrar, CourseAuthoring courses) {
        this.registrar = registrar;
        this.courses = courses;
    }

    /**
     * Where a signed-out visitor's "Enrol" leads: sign-in first, then back to the course page, where the button
     * now enrols them.
     */
    @GetMapping("/courses/{slug}/enrol")
    String backToCourse(@PathVariable String slug) {
        return "redirect:/courses/" + course(slug).slug();
    }

    @PostMapping("/courses/{slug}/enrol")
    String enrol(@PathVariable String slug, @AuthenticationPrincipal SignedInUser user, RedirectAttributes flash) {
        var course = course(slug);
        registrar.enrol(user.accountId(), course.id());
        flash.addFlashAttribute("notice", "enrolment.enrolled");
        return "redirect:/learn/courses/" + course.slug();
    }

    @PostMapping("/courses/{slug}/unenrol")
    String unenrol(@PathVariable String slug, @AuthenticationPrincipal SignedInUser user, RedirectAttributes flash) {
        var course = course(slug);
        registrar.unenrol(user.accountId(), course.id());
        flash.addFlashAttribute("notice", "enrolment.unenrolled");
        return "redirect:/courses/" + course.slug();
    }

    private CourseOutline course(String slug) {
        return courses.outlineBySlug(slug).orElseThrow(() -> new NotFoundException("course " + slug));
    }
}
