package org.sapere.assessment.quiz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.sapere.assessment.QuizLessons;
import org.sapere.assessment.bank.ItemBank;
import org.sapere.assessment.domain.Item;
import org.sapere.assessment.domain.Matching;
import org.sapere.assessment.domain.MultipleResponse;
import org.sapere.assessment.domain.Ordering;
import org.sapere.assessment.domain.SingleChoice;
import org.sapere.assessment.domain.TrueFalse;
import org.sapere.course.CourseAuthoring;
import org.sapere.enrolment.Registrar;
import org.sapere.identity.IdentityDirectory;
import org.sapere.learning.LearnerProgress;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Passing quizzes and the course's passing rule reach the learning module: a practice quiz completes its lesson
 * when taken, a graded quiz when passed; a course whose lessons are all done completes only once the learner meets
 * the passing rule (Polimi Open Knowledge: 60 % on each graded quiz).
 */
@Tag("db")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class CoursePassingTests {

    @Autowired
    CourseAuthoring courses;

    @Autowired
    Registrar registrar;

    @Autowired
    IdentityDirectory identity;

    @Autowired
    QuizTaking taking;

    @Autowired
    ItemBank bank;

    @Autowired
    LearnerProgress progress;

    @Autowired
    Grades grades;

    @Autowired
    JdbcClient jdbc;

    @Test
    void passingTheGradedQuizCompletesItsLessonAndTheCourse() throws Exception {
        var learner = identity.accountByEmail("learner018@learners.sapere.test").orElseThrow();
        var course = courses.outlineBySlug("project-management-essentials").orElseThrow();
        registrar.enrol(learner, course.id());
        var quizzes = course.lessons().filter(QuizLessons::isQuiz).toList();
        assertThat(quizzes).hasSize(2);
        course.lessons().filter(l -> !QuizLessons.isQuiz(l)).forEach(l -> progress.complete(learner, course, l.id()));
        assertThat(completed(learner.value(), course.id().value())).isFalse();

        var practice = quizzes.stream()
                .filter(l -> l.title().original().startsWith("Practice"))
                .findFirst()
                .orElseThrow();
        var graded = quizzes.stream()
                .filter(l -> l.title().original().startsWith("Quiz"))
                .findFirst()
                .orElseThrow();
        var tried = taking.start(learner, practice.id().value());
        taking.submit(learner, tried.id(), Map.of());
        await().atMost(Duration.ofSeconds(10))
                .until(() -> progress.of(learner, course).isCompleted(practice.id()));
        assertThat(completed(learner.value(), course.id().value())).isFalse();

        var attempt = taking.start(learner, graded.id().value());
        var answers = new HashMap<Integer, Map<String, List<String>>>();
        for (var row : taking.taking(learner, attempt.id()).rows()) {
            answers.put(
                    row.position(), right(bank.item(row.item(), row.version()).orElseThrow()));
        }
        var result = taking.submit(learner, attempt.id(), answers);
        assertThat(result.passed()).isTrue();
        assertThat(result.percent()).isEqualByComparingTo("100");
        assertThat(grades.passed(learner, course.id().value())).isTrue();

        await().atMost(Duration.ofSeconds(10))
                .until(() -> completed(learner.value(), course.id().value()));
        assertThat(progress.of(learner, course).isCompleted(graded.id())).isTrue();

        // The learner's own grades page says so.
        var session = new org.sapere.support.WebSession(port).signIn("learner018@learners.sapere.test");
        var mine = session.get("/learn/courses/project-management-essentials/grades");
        assertThat(mine.statusCode()).isEqualTo(200);
        assertThat(mine.body())
                .contains("Quiz: starting a project")
                .contains("100%")
                .contains("You meet the course");
        // A course the learner is not enrolled in has no grades page for them.
        var notTheirs = courses.published().stream()
                .filter(c -> !registrar.isEnrolled(learner, c.id()))
                .findFirst()
                .orElseThrow();
        var refused = session.get("/learn/courses/" + notTheirs.slug() + "/grades");
        assertThat(refused.statusCode()).as(notTheirs.slug()).isEqualTo(404);
    }

    @org.springframework.boot.test.web.server.LocalServerPort
    int port;

    private boolean completed(java.util.UUID learner, java.util.UUID course) {
        return jdbc.sql("SELECT count(*) FROM learning.course_completion WHERE account_id = :a AND course_id = :c")
                        .param("a", learner)
                        .param("c", course)
                        .query(Integer.class)
                        .single()
                > 0;
    }

    /** The answer form's fields of the right answer to one of the demo quiz's items. */
    static Map<String, List<String>> right(Item item) {
        var fields = new LinkedHashMap<String, List<String>>();
        switch (item) {
            case SingleChoice s -> fields.put("", List.of(s.correct()));
            case MultipleResponse m -> fields.put("", List.copyOf(m.correct()));
            case TrueFalse t -> fields.put("", List.of(String.valueOf(t.correct())));
            case Ordering o -> {
                for (var i = 0; i < o.items().size(); i++) {
                    fields.put("rank." + o.items().get(i).id(), List.of(String.valueOf(i + 1)));
                }
            }
            case Matching m -> m.pairs().forEach((left, right) -> fields.put("pair." + left, List.of(right)));
            default -> throw new AssertionError("not in the demo quiz: " + item);
        }
        return fields;
    }
}
