package org.sapere.assessment.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.sapere.assessment.bank.ItemBank;
import org.sapere.assessment.quiz.Grades;
import org.sapere.assessment.quiz.QuizSettings;
import org.sapere.assessment.quiz.QuizStore;
import org.sapere.assessment.web.GradingTestCourse.Answer;
import org.sapere.course.domain.CourseEditor;
import org.sapere.identity.IdentityDirectory;
import org.sapere.support.WebSession;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The professor's grading pages over real HTTP, signed in with a password and sending the CSRF token: the gradebook
 * with its totals, filters, CSV export, overrides (with their reason, in the audit list) and policy; essay grading
 * from draft to release; the item analysis flagging a broken question; and a learner refused everywhere.
 */
@Tag("db")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class GradebookHttpTests {

    private static final Pattern ROW_NAME = Pattern.compile("<th scope=\"row\">([^<]*)<span class=\"learner-email\">");
    private static final Instant MONDAY = Instant.parse("2026-03-02T09:00:00Z");

    @LocalServerPort
    int port;

    @Autowired
    CourseEditor editor;

    @Autowired
    IdentityDirectory identity;

    @Autowired
    ItemBank bank;

    @Autowired
    QuizStore quizzes;

    @Autowired
    Grades grades;

    @Autowired
    JdbcClient jdbc;

    /** Two graded quizzes; four learners: passed, failed, waiting for an essay, not started. */
    private GradingTestCourse gradedCourse() {
        var course = new GradingTestCourse(editor, identity, bank, quizzes, jdbc, "Gradebook", "Basics", "Essay");
        var choice = course.choice("Which letter comes first?", "A");
        var essay = course.essay("Discuss the critical path.");
        course.quiz("Basics", QuizSettings.Category.QUIZ, choice);
        course.quiz("Essay", QuizSettings.Category.QUIZ, essay);
        // Learner 10: 100 % and 80 %.
        course.attempt("Basics", course.learner(0), 1, MONDAY, Answer.chose(choice, "A", true));
        course.attempt(
                "Essay",
                course.learner(0),
                1,
                MONDAY,
                new Answer(essay, Map.of("", List.of("My essay")), new BigDecimal("4")));
        // Learner 11: 0 % on the first quiz, then 100 % on a second attempt would pass; only the failed one here.
        course.attempt("Basics", course.learner(1), 1, MONDAY, Answer.chose(choice, "B", false));
        // Learner 12: 100 %, and an essay waiting for grading.
        course.attempt("Basics", course.learner(2), 1, MONDAY, Answer.chose(choice, "A", true));
        course.attempt("Essay", course.learner(2), 1, MONDAY.plusSeconds(60), Answer.pending(essay, "Waiting"));
        return course;
    }

    @Test
    void theGradebookShowsEachLearnersResultsTotalAndWhetherTheyPassed() throws Exception {
        var course = gradedCourse();
        var professor = new WebSession(port).signIn(GradingTestCourse.PROFESSOR);

        var page = professor.get(gradebook(course));
        assertThat(page.statusCode()).isEqualTo(200);
        var body = page.body();
        assertThat(rowNames(body)).containsExactly("Learner 10", "Learner 11", "Learner 12", "Learner 13");
        assertThat(body).contains("4 learners enrolled · 1 passed · 1 with an essay waiting for grading");
        var learner10 = row(body, "Learner 10");
        assertThat(learner10).contains(">100%<", ">80%<", ">90%<", "passed-yes");
        var learner11 = row(body, "Learner 11");
        assertThat(learner11).contains(">0%<", "not taken", "passed-no");
        var learner12 = row(body, "Learner 12");
        assertThat(learner12).contains(">100%<", "waiting for grading", ">50%<", "passed-no");
        assertThat(row(body, "Learner 13")).contains("not taken", ">0%<");
        // Every quiz column links to its item analysis; every cell to its override page.
        assertThat(body).contains("/lessons/" + course.lesson("Basics") + "/quiz/analysis");
        assertThat(body)
                .contains("gradebook/override?lesson=" + course.lesson("Essay") + "&amp;learner="
                        + course.learner(3).value());
        // Tables scroll inside a labelled, focusable region; headers have their scope.
        assertThat(body)
                .contains(
                        "class=\"table-wrap gradebook-results\" tabindex=\"0\" role=\"region\" aria-labelledby=\"gradebook-caption\"");
        assertThat(body).contains("<caption id=\"gradebook-caption\">");
    }

    @Test
    void theGradebookFiltersByNameOrAddressAndByState() throws Exception {
        var course = gradedCourse();
        var professor = new WebSession(port).signIn(GradingTestCourse.PROFESSOR);

        assertThat(rowNames(
                        professor.get(gradebook(course) + "?q=LEARNER011%40").body()))
                .containsExactly("Learner 11");
        assertThat(rowNames(professor.get(gradebook(course) + "?q=learner+12").body()))
                .containsExactly("Learner 12");
        assertThat(rowNames(professor.get(gradebook(course) + "?status=passed").body()))
                .containsExactly("Learner 10");
        assertThat(rowNames(
                        professor.get(gradebook(course) + "?status=notPassed").body()))
                .containsExactly("Learner 11", "Learner 12", "Learner 13");
        assertThat(rowNames(professor.get(gradebook(course) + "?status=waiting").body()))
                .containsExactly("Learner 12");
        var none = professor.get(gradebook(course) + "?q=nobody&status=passed");
        assertThat(none.statusCode()).isEqualTo(200);
        assertThat(none.body()).contains("No learner matches the filter.");
        // Nonsense in the address is read as the defaults, never an error.
        var odd = professor.get(gradebook(course) + "?page=abc&status=%3Cscript%3E&q=" + "x".repeat(300));
        assertThat(odd.statusCode()).isEqualTo(200);
        assertThat(professor.get(gradebook(course) + "?page=999999999").statusCode())
                .isEqualTo(200);
        assertThat(rowNames(professor.get(gradebook(course) + "?page=-3").body()))
                .hasSize(4);
    }

    @Test
    void theCsvHasEveryLearnerWithABomQuotedFieldsAndNoFormulas() throws Exception {
        var course = new GradingTestCourse(
                editor, identity, bank, quizzes, jdbc, "Spreadsheet", "-Quiz \"one\", basics", "Essay");
        var choice = course.choice("First?", "A");
        course.quiz("-Quiz \"one\", basics", QuizSettings.Category.QUIZ, choice);
        course.attempt("-Quiz \"one\", basics", course.learner(0), 1, MONDAY, Answer.chose(choice, "A", true));
        var renamed = course.learner(3);
        var name = jdbc.sql("SELECT display_name FROM identity.account WHERE id = :id")
                .param("id", renamed.value())
                .query(String.class)
                .single();
        jdbc.sql("UPDATE identity.account SET display_name = :n WHERE id = :id")
                .param("n", "=HYPERLINK(\"http://evil.example\",\"Zoë\")")
                .param("id", renamed.value())
                .update();
        try {
            var professor = new WebSession(port).signIn(GradingTestCourse.PROFESSOR);
            var response = professor.getBytes(gradebook(course) + ".csv", Map.of());
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.headers().firstValue("Content-Type").orElse(""))
                    .startsWith("text/csv")
                    .containsIgnoringCase("charset=UTF-8");
            assertThat(response.headers().firstValue("Content-Disposition").orElse(""))
                    .startsWith("attachment")
                    .contains("-gradebook.csv");
            var bytes = response.body();
            assertThat(bytes).startsWith((byte) 0xEF, (byte) 0xBB, (byte) 0xBF);
            var text = new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8);
            assertThat(text).endsWith("\r\n");
            var lines = text.split("\r\n");
            assertThat(lines).hasSize(1 + GradingTestCourse.LEARNERS.size());
            assertThat(lines[0]).isEqualTo("Learner,E-mail,\"'-Quiz \"\"one\"\", basics\",Course total,Passed");
            assertThat(lines).contains("Learner 10,learner010@learners.sapere.test,100.00,100.00,Yes");
            assertThat(lines).contains("Learner 11,learner011@learners.sapere.test,,0.00,No");
            assertThat(lines)
                    .contains(
                            "\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"Zoë\"\")\",learner013@learners.sapere.test,,0.00,No");
        } finally {
            jdbc.sql("UPDATE identity.account SET display_name = :n WHERE id = :id")
                    .param("n", name)
                    .param("id", renamed.value())
                    .update();
        }
    }

    @Test
    void anOverrideNeedsAReasonAndIsShownAndAudited() throws Exception {
        var course = gradedCourse();
        var professor = new WebSession(port).signIn(GradingTestCourse.PROFESSOR);
        var lesson = course.lesson("Basics").toString();
        var learner = course.learner(1).value().toString();

        var form = professor.get(gradebook(course) + "/override?lesson=" + lesson + "&learner=" + learner);
        assertThat(form.statusCode()).isEqualTo(200);
        assertThat(form.body()).contains("Learner 11", "Basics", "Best graded attempt", "name=\"reason\"");

        var noReason = override(professor, course, lesson, learner, "75", "  ");
        assertThat(noReason.statusCode()).isEqualTo(422);
        assertThat(noReason.body()).contains("Give a reason for the change.");
        assertThat(overrides(course)).isZero();
        assertThat(override(professor, course, lesson, learner, "abc", "Appeal").body())
                .contains("Write a percent from 0 to 100");
        assertThat(override(professor, course, lesson, learner, "100.5", "Appeal")
                        .statusCode())
                .isEqualTo(422);
        assertThat(override(professor, course, lesson, learner, "50", "x".repeat(501))
                        .body())
                .contains("The reason is too long: at most 500 characters.");
        assertThat(override(professor, course, lesson, learner, "", "Nothing to undo")
                        .body())
                .contains("There is no override to remove.");
        assertThat(overrides(course)).isZero();

        var saved = override(professor, course, lesson, learner, "75,5", "Re-marked after an appeal <b>");
        assertThat(saved.statusCode()).isEqualTo(302);
        assertThat(saved.headers().firstValue("Location").orElse("")).endsWith(gradebook(course) + "#changes");
        var page = professor.get(gradebook(course)).body();
        assertThat(row(page, "Learner 11"))
                .contains(">75.5%<", "overridden", "Re-marked after an appeal &lt;b&gt;", "passed-no");
        var changes = page.substring(page.indexOf("id=\"changes\""));
        assertThat(changes)
                .contains("Result overridden: 75.5%", "Re-marked after an appeal &lt;b&gt;", "Learner 11", "Basics");
        assertThat(changes).contains(professorName(course));
        assertThat(jdbc.sql("SELECT action || ' ' || after || ' ' || reason FROM assessment.grade_audit "
                                + "WHERE course_id = :c AND by_account = :by")
                        .param("c", course.id)
                        .param("by", course.professor.value())
                        .query(String.class)
                        .list())
                .containsExactly("OVERRIDE 75.5000 Re-marked after an appeal <b>");

        // A blank percent removes the override (with its reason, also audited).
        assertThat(override(professor, course, lesson, learner, "", "Appeal withdrawn")
                        .statusCode())
                .isEqualTo(302);
        assertThat(row(professor.get(gradebook(course)).body(), "Learner 11"))
                .contains(">0%<")
                .doesNotContain("overridden");
        assertThat(professor.get(gradebook(course)).body()).contains("Override of 75.5% removed", "Appeal withdrawn");

        // A quiz or a learner that is not this course's is not found, nor is nonsense.
        var stranger =
                identity.accountByEmail("learner030@learners.sapere.test").orElseThrow();
        assertThat(override(professor, course, lesson, stranger.value().toString(), "10", "x")
                        .statusCode())
                .isEqualTo(404);
        assertThat(override(professor, course, UUID.randomUUID().toString(), learner, "10", "x")
                        .statusCode())
                .isEqualTo(404);
        assertThat(professor
                        .get(gradebook(course) + "/override?lesson=nonsense&learner=" + learner)
                        .statusCode())
                .isEqualTo(404);
        assertThat(professor.get(gradebook(course) + "/override").statusCode()).isEqualTo(404);
    }

    @Test
    void thePolicyIsCheckedThenSavedAndTheGradebookFollowsIt() throws Exception {
        var course = gradedCourse();
        var professor = new WebSession(port).signIn(GradingTestCourse.PROFESSOR);

        var wrong = professor.form(
                gradebook(course) + "/policy",
                Map.of(
                        "rule", "AVERAGE",
                        "passingPercent", "150",
                        "quizWeight", "-1",
                        "examWeight", "0",
                        "assignmentWeight", "0",
                        "dropLowest", "11"));
        assertThat(wrong.statusCode()).isEqualTo(422);
        assertThat(wrong.body())
                .contains(
                        "Write a number from 0 to 100, with at most two decimals.",
                        "Write a weight from 0 to 100",
                        "Write a whole number from 0 to 10.",
                        "value=\"150\"");
        assertThat(professor.form(gradebook(course) + "/policy", Map.of()).statusCode())
                .isEqualTo(422);
        assertThat(grades.policy(course.id).rule()).isEqualTo(Grades.Rule.EACH_QUIZ);

        var saved = professor.form(
                gradebook(course) + "/policy",
                Map.of(
                        "rule", "AVERAGE",
                        "passingPercent", "50",
                        "quizWeight", "100",
                        "examWeight", "0",
                        "assignmentWeight", "0",
                        "dropLowest", "0"));
        assertThat(saved.statusCode()).isEqualTo(302);
        var policy = grades.policy(course.id);
        assertThat(policy.rule()).isEqualTo(Grades.Rule.AVERAGE);
        assertThat(policy.passingPercent()).isEqualByComparingTo("50");
        // Learner 12's total of 50 % now passes.
        assertThat(rowNames(professor.get(gradebook(course) + "?status=passed").body()))
                .containsExactly("Learner 10", "Learner 12");
        var page = professor.get(gradebook(course)).body();
        assertThat(page).contains("value=\"AVERAGE\" checked", "id=\"passing-percent\" name=\"passingPercent\"");
    }

    @Test
    void anEssayIsGradedAsADraftThenReleasedAndLeavesTheQueue() throws Exception {
        var course = new GradingTestCourse(editor, identity, bank, quizzes, jdbc, "Essays", "Essay");
        var essay = course.essay("Discuss **the critical path**.");
        course.quiz("Essay", QuizSettings.Category.QUIZ, essay);
        var first = course.attempt(
                "Essay", course.learner(2), 1, MONDAY, Answer.pending(essay, "<script>alert(1)</script>\nSecond line"));
        var second =
                course.attempt("Essay", course.learner(3), 1, MONDAY.plusSeconds(3600), Answer.pending(essay, "Later"));
        var professor = new WebSession(port).signIn(GradingTestCourse.PROFESSOR);
        var queue = "/teach/courses/" + course.id + "/grading";

        var waiting = professor.get(queue).body();
        assertThat(waiting).contains("Learner 12", "Learner 13", "Question 1", "Waiting for grading");
        assertThat(waiting.indexOf("Learner 12")).isLessThan(waiting.indexOf("Learner 13"));
        var essayPage = professor.get(queue + "/" + first + "/1");
        assertThat(essayPage.statusCode()).isEqualTo(200);
        assertThat(essayPage.body())
                .contains("&lt;script&gt;alert(1)&lt;/script&gt;\nSecond line", "<strong>the critical path</strong>")
                .doesNotContain("<script>alert(1)")
                .contains("name=\"level.argument\" value=\"strong\"", "(3 points)", "Save draft", "Save and release");

        // A criterion left out: the form again, with the message and what was chosen.
        var missing = professor.form(
                queue + "/" + first + "/1", Map.of("level.argument", "strong", "comment", "Good", "release", "false"));
        assertThat(missing.statusCode()).isEqualTo(422);
        assertThat(missing.body())
                .contains("Choose a level for “Sources”.", "value=\"strong\" checked", ">Good</textarea>");
        assertThat(correctness(first)).isEqualTo("PENDING");
        assertThat(professor
                        .form(
                                queue + "/" + first + "/1",
                                Map.of("level.argument", "excellent", "level.sources", "good"))
                        .statusCode())
                .isEqualTo(422);

        // A draft: graded, not released; the attempt waits; the next essay is opened.
        var draft = professor.form(
                queue + "/" + first + "/1",
                Map.of("level.argument", "weak", "level.sources", "good", "comment", "Cite more", "release", "false"));
        assertThat(draft.statusCode()).isEqualTo(302);
        assertThat(draft.headers().firstValue("Location").orElse("")).endsWith(queue + "/" + second + "/1");
        assertThat(correctness(first)).isEqualTo("PARTIAL");
        assertThat(state(first)).isEqualTo("SUBMITTED");
        assertThat(professor.get(queue).body()).contains("Draft graded, not released");
        assertThat(professor.get(queue + "/" + first + "/1").body())
                .contains("value=\"weak\" checked", "value=\"good\" checked", ">Cite more</textarea>");

        // Released: the attempt gets its final score and leaves the queue.
        var released = professor.form(
                queue + "/" + first + "/1",
                Map.of("level.argument", "strong", "level.sources", "good", "comment", "Well done", "release", "true"));
        assertThat(released.statusCode()).isEqualTo(302);
        assertThat(jdbc.sql("SELECT state || ' ' || score || ' ' || percent FROM assessment.attempt WHERE id = :id")
                        .param("id", first)
                        .query(String.class)
                        .single())
                .isEqualTo("GRADED 5.0000 100.0000");
        var after = professor.get(queue).body();
        assertThat(after).doesNotContain("Learner 12").contains("Learner 13");
        // Once final, the grade is changed through the gradebook only.
        var late = professor.form(
                queue + "/" + first + "/1", Map.of("level.argument", "missing", "level.sources", "none"));
        assertThat(late.statusCode()).isEqualTo(409);
        assertThat(jdbc.sql("SELECT score FROM assessment.attempt WHERE id = :id")
                        .param("id", first)
                        .query(BigDecimal.class)
                        .single())
                .isEqualByComparingTo("5");
        assertThat(professor.get(gradebook(course)).body())
                .contains("Essay graded, points: 3", "Essay regraded, points: 3 → 5", "Well done");

        // The last one, released at once: nothing waits any more.
        professor.form(
                queue + "/" + second + "/1",
                Map.of("level.argument", "missing", "level.sources", "none", "release", "true"));
        assertThat(professor.get(queue).body()).contains("No essay is waiting for grading.");
        // Unknown attempts and questions are not found.
        assertThat(professor.get(queue + "/" + UUID.randomUUID() + "/1").statusCode())
                .isEqualTo(404);
        assertThat(professor.get(queue + "/" + first + "/7").statusCode()).isEqualTo(404);
    }

    @Test
    void theItemAnalysisShowsFacilityAndFlagsAQuestionWhoseKeyIsWrong() throws Exception {
        var course = new GradingTestCourse(editor, identity, bank, quizzes, jdbc, "Analysis", "Check", "Unused");
        // The key says A, but the learners who know the rest answer B: the key is probably wrong.
        var broken = course.choice("Which phase comes first?", "A");
        var fine = course.choice("What is a milestone?", "A");
        var alsoFine = course.choice("What is a work package?", "A");
        course.quiz("Check", QuizSettings.Category.QUIZ, broken, fine, alsoFine);
        var strong = new String[] {"B", "A", "A"};
        var weak = new String[] {"A", "B", "B"};
        var attempts =
                new ArrayList<String[]>(List.of(strong, strong, strong, weak, weak, new String[] {"C", "C", "C"}));
        var who = new int[][] {{0, 1}, {1, 1}, {2, 1}, {0, 2}, {1, 2}, {3, 1}};
        for (var i = 0; i < attempts.size(); i++) {
            var chosen = attempts.get(i);
            course.attempt(
                    "Check",
                    course.learner(who[i][0]),
                    who[i][1],
                    MONDAY.plusSeconds(i),
                    Answer.chose(broken, chosen[0], chosen[0].equals("A")),
                    Answer.chose(fine, chosen[1], chosen[1].equals("A")),
                    Answer.chose(alsoFine, chosen[2], chosen[2].equals("A")));
        }
        var professor = new WebSession(port).signIn(GradingTestCourse.PROFESSOR);
        var base = "/teach/courses/" + course.id + "/lessons/";

        var page = professor.get(base + course.lesson("Check") + "/quiz/analysis");
        assertThat(page.statusCode()).isEqualTo(200);
        var body = page.body();
        var first = section(body, 1);
        assertThat(first)
                .contains(
                        "Which phase comes first?",
                        "Probably broken: check the key.",
                        "<dd>6</dd>",
                        "<dd>33%</dd>",
                        "<dd>-0.71</dd>");
        // Distractors: A (the key) 2, B 3, C 1.
        assertThat(first)
                .containsPattern(
                        "Alpha</span>\\s*<span class=\"badge small-badge\">correct</span>\\s*</th>\\s*<td>2</td>");
        assertThat(first).containsPattern("Bravo</span>\\s*</th>\\s*<td>3</td>\\s*<td>50%</td>");
        assertThat(first).containsPattern("Charlie</span>\\s*</th>\\s*<td>1</td>\\s*<td>17%</td>");
        var second = section(body, 2);
        assertThat(second).contains("What is a milestone?", "<dd>50%</dd>").doesNotContain("Probably broken");
        assertThat(body).contains("Discrimination is the correlation");

        // Only the course's quizzes: another lesson, or an unknown one, is not found.
        var otherCourse = new GradingTestCourse(editor, identity, bank, quizzes, jdbc, "Other", "Elsewhere");
        assertThat(professor
                        .get(base + otherCourse.lesson("Elsewhere") + "/quiz/analysis")
                        .statusCode())
                .isEqualTo(404);
        assertThat(professor.get(base + UUID.randomUUID() + "/quiz/analysis").statusCode())
                .isEqualTo(404);
        assertThat(professor
                        .get(base + course.lesson("Unused") + "/quiz/analysis")
                        .body())
                .contains("No graded attempt at this quiz yet.");
    }

    @Test
    void aLearnerIsRefusedOnEveryGradingAddress() throws Exception {
        var course = gradedCourse();
        var essayAttempt = jdbc.sql("SELECT id FROM assessment.attempt WHERE course_id = :c AND state = 'SUBMITTED'")
                .param("c", course.id)
                .query(UUID.class)
                .single();
        var learner = new WebSession(port).signIn(GradingTestCourse.LEARNERS.getFirst());
        var base = "/teach/courses/" + course.id;
        var cell = "lesson=" + course.lesson("Basics") + "&learner="
                + course.learner(0).value();
        for (var path : List.of(
                base + "/grading",
                base + "/grading/" + essayAttempt + "/1",
                base + "/gradebook",
                base + "/gradebook.csv",
                base + "/gradebook/override?" + cell,
                base + "/lessons/" + course.lesson("Basics") + "/quiz/analysis")) {
            assertThat(learner.get(path).statusCode()).as("GET " + path).isEqualTo(403);
        }
        var posts = Map.of(
                base + "/grading/" + essayAttempt + "/1",
                Map.of("level.argument", "strong", "level.sources", "good", "release", "true"),
                base + "/gradebook/policy",
                Map.of(
                        "rule", "AVERAGE",
                        "passingPercent", "0",
                        "quizWeight", "1",
                        "examWeight", "0",
                        "assignmentWeight", "0",
                        "dropLowest", "0"),
                base + "/gradebook/override",
                Map.of(
                        "lesson",
                        course.lesson("Basics").toString(),
                        "learner",
                        course.learner(0).value().toString(),
                        "percent",
                        "100",
                        "reason",
                        "Mine"));
        for (var post : posts.entrySet()) {
            assertThat(learner.form(post.getKey(), post.getValue()).statusCode())
                    .as("POST " + post.getKey())
                    .isEqualTo(403);
        }
        assertThat(state(essayAttempt)).isEqualTo("SUBMITTED");
        assertThat(overrides(course)).isZero();
        assertThat(grades.policy(course.id).rule()).isEqualTo(Grades.Rule.EACH_QUIZ);
    }

    private static String gradebook(GradingTestCourse course) {
        return "/teach/courses/" + course.id + "/gradebook";
    }

    private static java.net.http.HttpResponse<String> override(
            WebSession session, GradingTestCourse course, String lesson, String learner, String percent, String reason)
            throws Exception {
        return session.form(
                gradebook(course) + "/override",
                Map.of("lesson", lesson, "learner", learner, "percent", percent, "reason", reason));
    }

    private int overrides(GradingTestCourse course) {
        return jdbc.sql("SELECT count(*) FROM assessment.grade_override WHERE course_id = :c")
                .param("c", course.id)
                .query(Integer.class)
                .single();
    }

    private String correctness(UUID attempt) {
        return jdbc.sql("SELECT correctness FROM assessment.attempt_item WHERE attempt_id = :a AND position = 1")
                .param("a", attempt)
                .query(String.class)
                .single();
    }

    private String state(UUID attempt) {
        return jdbc.sql("SELECT state FROM assessment.attempt WHERE id = :a")
                .param("a", attempt)
                .query(String.class)
                .single();
    }

    private String professorName(GradingTestCourse course) {
        return identity.people(List.of(course.professor)).get(course.professor).displayName();
    }

    private static List<String> rowNames(String body) {
        var names = new ArrayList<String>();
        var matcher = ROW_NAME.matcher(body);
        while (matcher.find()) {
            names.add(matcher.group(1));
        }
        return names;
    }

    /** The table row of a learner, from their name to the end of the row. */
    private static String row(String body, String name) {
        var start = body.indexOf("<th scope=\"row\">" + name + "<span");
        assertThat(start).as("row of " + name).isNotNegative();
        return body.substring(start, body.indexOf("</tr>", start));
    }

    /** The analysis of the n-th question. */
    private static String section(String body, int number) {
        var start = body.indexOf("id=\"item-" + number + "\"");
        assertThat(start).as("question " + number).isNotNegative();
        var end = body.indexOf("</section>", start);
        return body.substring(start, end);
    }
}
