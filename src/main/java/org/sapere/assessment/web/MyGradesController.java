package org.sapere.assessment.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.sapere.assessment.quiz.Grades;
import org.sapere.course.CourseAuthoring;
import org.sapere.enrolment.Registrar;
import org.sapere.identity.SignedInUser;
import org.sapere.shared.NotFoundException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.servlet.ModelAndView;

/** A learner's own grades in a course: each graded quiz's result, the course result and whether it passes. */
@Controller
class MyGradesController {

    private final CourseAuthoring courses;
    private final Registrar registrar;
    private final Grades grades;

    MyGradesController(CourseAuthoring courses, Registrar registrar, Grades grades) {
        this.courses = courses;
        this.registrar = registrar;
        this.grades = grades;
    }

    @GetMapping("/learn/courses/{slug}/grades")
    ModelAndView grades(@PathVariable String slug, @AuthenticationPrincipal SignedInUser user, Locale locale) {
        var course = courses.outlineBySlug(slug).orElseThrow(() -> new NotFoundException("course " + slug));
        if (!registrar.isEnrolled(user.accountId(), course.id())) {
            throw new NotFoundException("not enrolled in " + slug);
        }
        var graded = new ArrayList<>(grades.gradedQuizzes(course.id().value()).stream()
                .filter(q -> course.lesson(q.lesson()).isPresent())
                .toList());
        var order = course.lessons().map(l -> l.id().value()).toList();
        graded.sort(java.util.Comparator.comparingInt(q -> order.indexOf(q.lesson())));
        var line = grades.lines(
                        course.id().value(), graded, List.of(user.accountId().value()))
                .getFirst();
        var quizzes = graded.stream()
                .map(q -> new MyQuiz(
                        course.lesson(q.lesson()).orElseThrow().title().in(locale),
                        "/learn/courses/" + slug + "/lessons/" + q.lesson(),
                        line.cells().get(q.lesson()),
                        q.passingPercent()))
                .toList();
        return new ModelAndView("assessment/myGrades")
                .addObject("course", course)
                .addObject("quizzes", quizzes)
                .addObject("line", line)
                .addObject("policy", grades.policy(course.id().value()));
    }
}
