package org.sapere.assessment.quiz;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.sapere.assessment.QuizLessons;
import org.sapere.assessment.bank.ItemBank;
import org.sapere.assessment.domain.Item;
import org.sapere.assessment.domain.SingleChoice;
import org.sapere.course.CourseAuthoring;
import org.sapere.course.CourseOutline;
import org.sapere.enrolment.Registrar;
import org.sapere.identity.IdentityDirectory;
import org.sapere.support.WebSession;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A learner taking the demo quiz over real HTTP: nothing that gives an answer away reaches the browser before
 * submission; answers are saved as the learner goes and are there after a reload; submitting twice at once grades
 * one attempt once; and the time limit is kept on the server, so a late answer does not count.
 */
@Tag("db")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class QuizAttemptHttpTests {

    static final String QUIZ = "Quiz: starting a project";

    @LocalServerPort
    int port;

    @Autowired
    CourseAuthoring courses;

    @Autowired
    Registrar registrar;

    @Autowired
    IdentityDirectory identity;

    @Autowired
    ItemBank bank;

    @Autowired
    JdbcClient jdbc;

    /** Every text the demo quiz's author wrote for after the attempt: feedback, explanations, the true answer. */
    static final List<String> SECRETS = List.of(
            "Yes: it is temporary",
            "Payroll repeats every month",
            "A project is temporary (it has a start",
            "Deliverables are the heart of the scope",
            "Saying what you will not do",
            "A scope statement describes the deliverables",
            "the sponsor issues (or signs) the charter",
            "the charter is agreed between the sponsor",
            "That is for high power and high interest",
            "Monitoring and controlling runs alongside",
            "sapere:item",
            "correctResponse");

    record Quiz(CourseOutline course, UUID lesson) {}

    Quiz quiz() {
        var course = courses.outlineBySlug("project-management-essentials").orElseThrow();
        var lesson = course.lessons()
                .filter(l -> l.title().original().equals(QUIZ))
                .findFirst()
                .orElseThrow();
        assertThat(QuizLessons.isQuiz(lesson)).isTrue();
        return new Quiz(course, lesson.id().value());
    }

    WebSession learner(String email, Quiz quiz) throws Exception {
        var account = identity.accountByEmail(email).orElseThrow();
        registrar.enrol(account, quiz.course().id());
        return new WebSession(port).signIn(email);
    }

    UUID start(WebSession session, Quiz quiz) throws Exception {
        var started = session.form("/learn/quiz/" + quiz.lesson() + "/start", Map.of());
        assertThat(started.statusCode()).isEqualTo(302);
        var location = started.headers().firstValue("Location").orElseThrow();
        assertThat(location).contains("/learn/attempts/");
        return UUID.fromString(location.substring(location.lastIndexOf('/') + 1));
    }

    /** The position and right option of the attempt's first single-choice question, read from the bank. */
    Map.Entry<Integer, String> singleChoice(UUID attempt) {
        var rows = jdbc.sql(
                        "SELECT position, item_id, item_version FROM assessment.attempt_item WHERE attempt_id = :a ORDER BY position")
                .param("a", attempt)
                .query((rs, n) -> Map.entry(
                        rs.getInt(1),
                        bank.item(rs.getObject(2, UUID.class), rs.getInt(3)).orElseThrow()))
                .list();
        for (var row : rows) {
            Item item = row.getValue();
            if (item instanceof SingleChoice choice) {
                return Map.entry(row.getKey(), choice.correct());
            }
        }
        throw new AssertionError("no single choice question");
    }

    @Test
    void nothingThatGivesAnAnswerAwayReachesTheBrowserBeforeSubmission() throws Exception {
        var quiz = quiz();
        var session = learner("learner015@learners.sapere.test", quiz);
        var seen = new ArrayList<HttpResponse<String>>();
        seen.add(session.get("/learn/courses/" + quiz.course().slug() + "/lessons/" + quiz.lesson()));
        var attempt = start(session, quiz);
        seen.add(session.get("/learn/attempts/" + attempt));
        var right = singleChoice(attempt);
        seen.add(session.form(
                "/learn/attempts/" + attempt + "/answers/" + right.getKey(),
                Map.of("q" + right.getKey(), right.getValue())));
        seen.add(session.get("/learn/attempts/" + attempt));
        seen.add(session.get("/js/quiz-attempt.js"));
        for (var response : seen) {
            assertThat(response.statusCode()).isEqualTo(200);
            for (var secret : SECRETS) {
                assertThat(response.body())
                        .as(response.uri() + " must not hold " + secret)
                        .doesNotContain(secret);
            }
        }

        var submitted = session.form("/learn/attempts/" + attempt + "/submit", Map.of());
        assertThat(submitted.statusCode()).isEqualTo(302);
        var review = session.get("/learn/attempts/" + attempt).body();
        // The same texts do show once the attempt is submitted: the check above could see them.
        assertThat(review)
                .contains("A project is temporary (it has a start")
                .contains("Monitoring and controlling runs alongside");
    }

    @Test
    void answersAreSavedAsTheLearnerGoesAndAreThereAfterAReload() throws Exception {
        var quiz = quiz();
        var session = learner("learner016@learners.sapere.test", quiz);
        var attempt = start(session, quiz);
        var right = singleChoice(attempt);
        var saved = session.form(
                "/learn/attempts/" + attempt + "/answers/" + right.getKey(),
                Map.of("q" + right.getKey(), right.getValue()));
        assertThat(saved.statusCode()).isEqualTo(200);

        // A reload (or another device) shows the answer chosen, and starting again returns to the same attempt.
        var page = session.get("/learn/attempts/" + attempt).body();
        assertThat(page)
                .containsPattern(
                        "name=\"q" + right.getKey() + "\"[^>]*value=\"" + right.getValue() + "\"[^>]*checked|value=\""
                                + right.getValue() + "\"[^>]*name=\"q" + right.getKey() + "\"[^>]*checked");
        assertThat(start(session, quiz)).isEqualTo(attempt);

        session.form("/learn/attempts/" + attempt + "/submit", Map.of());
        var points = jdbc.sql("SELECT points FROM assessment.attempt_item WHERE attempt_id = :a AND position = :p")
                .param("a", attempt)
                .param("p", right.getKey())
                .query(java.math.BigDecimal.class)
                .single();
        assertThat(points).isPositive();
    }

    @Test
    void submittingTwiceAtOnceGradesOneAttemptOnce() throws Exception {
        var quiz = quiz();
        var session = learner("learner017@learners.sapere.test", quiz);
        var attempt = start(session, quiz);
        var right = singleChoice(attempt);
        Callable<Integer> submit = () -> session.form(
                        "/learn/attempts/" + attempt + "/submit", Map.of("q" + right.getKey(), right.getValue()))
                .statusCode();
        try (var pool = Executors.newFixedThreadPool(4)) {
            var results = pool.invokeAll(List.of(submit, submit, submit, submit));
            for (var result : results) {
                assertThat(result.get()).isEqualTo(302);
            }
        }
        var learner = identity.accountByEmail("learner017@learners.sapere.test").orElseThrow();
        var attempts = jdbc.sql("SELECT state, score FROM assessment.attempt WHERE learner_id = :l AND lesson_id = :q")
                .param("l", learner.value())
                .param("q", quiz.lesson())
                .query((rs, n) -> rs.getString(1) + " " + rs.getBigDecimal(2))
                .list();
        assertThat(attempts).hasSize(1);
        assertThat(attempts.getFirst()).startsWith("GRADED");
        // The answer sent with the submission counted (once).
        assertThat(jdbc.sql("SELECT points FROM assessment.attempt_item WHERE attempt_id = :a AND position = :p")
                        .param("a", attempt)
                        .param("p", right.getKey())
                        .query(java.math.BigDecimal.class)
                        .single())
                .isPositive();
        // A later submission of the same attempt changes nothing.
        assertThat(session.form("/learn/attempts/" + attempt + "/submit", Map.of())
                        .statusCode())
                .isEqualTo(302);
        assertThat(jdbc.sql("SELECT count(*) FROM assessment.attempt WHERE learner_id = :l")
                        .param("l", learner.value())
                        .query(Integer.class)
                        .single())
                .isEqualTo(1);
    }

    @Test
    void theTimeLimitIsKeptOnTheServer() throws Exception {
        var quiz = quiz();
        var session = learner("learner018@learners.sapere.test", quiz);
        var attempt = start(session, quiz);
        var right = singleChoice(attempt);
        // Answered in time...
        assertThat(session.form(
                                "/learn/attempts/" + attempt + "/answers/" + right.getKey(),
                                Map.of("q" + right.getKey(), right.getValue()))
                        .statusCode())
                .isEqualTo(200);
        // ...then the time (a 10-minute limit, say) runs out, grace included: the clock is moved by moving the
        // attempt's start, its deadline and the save back by ten minutes.
        jdbc.sql("""
                        UPDATE assessment.attempt SET started_at = started_at - interval '10 minutes',
                            due_at = now() - interval '2 minutes' WHERE id = :a
                        """).param("a", attempt).update();
        jdbc.sql("UPDATE assessment.attempt_item SET saved_at = saved_at - interval '10 minutes' WHERE attempt_id = :a")
                .param("a", attempt)
                .update();
        var others = jdbc.sql("SELECT position FROM assessment.attempt_item WHERE attempt_id = :a AND position <> :p")
                .param("a", attempt)
                .param("p", right.getKey())
                .query(Integer.class)
                .list();
        var late = session.form(
                "/learn/attempts/" + attempt + "/answers/" + others.getFirst(), Map.of("q" + others.getFirst(), "A"));
        assertThat(late.statusCode()).isEqualTo(409);
        assertThat(late.body()).isEqualTo("time-up");

        // A submission after the limit is graded on what was saved in time, and marked late.
        var fields = new java.util.HashMap<String, String>();
        for (var position : others) {
            fields.put("q" + position, "A");
        }
        fields.put("q" + right.getKey(), "Z");
        session.form("/learn/attempts/" + attempt + "/submit", fields);
        var row = jdbc.sql("SELECT state, late FROM assessment.attempt WHERE id = :a")
                .param("a", attempt)
                .query((rs, n) -> rs.getString(1) + " " + rs.getBoolean(2))
                .single();
        assertThat(row).isEqualTo("GRADED true");
        var answers =
                jdbc.sql("""
                        SELECT position, points FROM assessment.attempt_item WHERE attempt_id = :a AND points > 0
                        """).param("a", attempt).query((rs, n) -> rs.getInt(1)).list();
        assertThat(answers).containsExactly(right.getKey());
        assertThat(session.get("/learn/attempts/" + attempt).body()).contains("after the time limit");
    }
}
