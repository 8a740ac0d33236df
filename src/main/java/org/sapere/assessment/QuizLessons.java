package org.sapere.assessment;

import java.util.Optional;
import java.util.UUID;
import org.sapere.assessment.quiz.Attempts;
import org.sapere.assessment.quiz.QuizTaking;
import org.sapere.course.CourseOutline;
import org.sapere.course.LessonId;
import org.sapere.course.LessonKind;
import org.sapere.identity.AccountId;
import org.springframework.stereotype.Service;

/** The assessment module's facade for the course player: what a quiz lesson shows a learner. */
@Service
public class QuizLessons {

    /** The lesson kind this module contributes. */
    public static final LessonKind KIND = new LessonKind("quiz");

    private final QuizTaking taking;
    private final org.sapere.assessment.quiz.Grades grades;

    QuizLessons(QuizTaking taking, org.sapere.assessment.quiz.Grades grades) {
        this.taking = taking;
        this.grades = grades;
    }

    /**
     * Whether the learner meets the course's passing rule: always, for a course without graded quizzes; otherwise
     * once {@link CourseAssessmentPassed} was published for them.
     */
    public boolean meetsPassingRule(AccountId learner, org.sapere.course.CourseId course) {
        return grades.gradedQuizzes(course.value()).isEmpty() || grades.passed(learner, course.value());
    }

    public static boolean isQuiz(CourseOutline.LessonOutline lesson) {
        return KIND.equals(lesson.kind());
    }

    /** The quiz's rules and the learner's attempts, or empty when the lesson has no quiz set up. */
    public Optional<QuizIntro> intro(AccountId learner, CourseOutline course, LessonId lesson) {
        org.sapere.assessment.quiz.QuizSettings quiz;
        try {
            quiz = taking.quizFor(learner, lesson.value());
        } catch (org.sapere.shared.NotFoundException none) {
            return Optional.empty();
        }
        var attempts = taking.attempts(learner, lesson.value());
        var open = attempts.stream().filter(Attempts.Attempt::open).findFirst();
        var left = quiz.maxAttempts() == 0 ? -1 : Math.max(0, quiz.maxAttempts() - attempts.size());
        var refusal =
                open.isPresent() ? null : taking.refusal(quiz, attempts.size()).orElse(null);
        var past = attempts.stream()
                .filter(a -> !a.open())
                .map(a -> new QuizIntro.Past(
                        a.number(),
                        a.submittedAt(),
                        a.percent(),
                        a.passed(),
                        a.state() == Attempts.State.SUBMITTED,
                        a.late(),
                        url(a.id())))
                .toList();
        var done = quiz.graded()
                ? attempts.stream().anyMatch(a -> Boolean.TRUE.equals(a.passed()))
                : attempts.stream().anyMatch(a -> !a.open());
        return Optional.of(new QuizIntro(
                quiz.questionCount(),
                quiz.timeLimitMinutes(),
                quiz.maxAttempts(),
                left,
                quiz.passingPercent(),
                quiz.graded(),
                quiz.closesAt(),
                past,
                open.map(a -> url(a.id())).orElse(null),
                "/learn/quiz/" + lesson + "/start",
                refusal,
                done,
                quiz.graded() ? "/learn/courses/" + course.slug() + "/grades" : null));
    }

    private static String url(UUID attempt) {
        return "/learn/attempts/" + attempt;
    }
}
