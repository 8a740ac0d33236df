package org.sapere.assessment.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.sapere.assessment.bank.ItemBank;
import org.sapere.assessment.quiz.QuizSettings;
import org.sapere.assessment.quiz.QuizStore;
import org.sapere.assessment.web.GradingTestCourse.Answer;
import org.sapere.course.domain.CourseEditor;
import org.sapere.identity.IdentityDirectory;
import org.sapere.support.Browser;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The grading pages in a real browser, at 1280 and at 360 px: no serious or critical axe violation (WCAG 2.2 A and
 * AA), nothing wider than a phone's screen (tables scroll inside their own region), and an essay graded with the
 * rubric and released from the form.
 */
@Tag("browser")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class GradebookBrowserTests {

    private static Browser browser;

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
    JdbcClient jdbc;

    @BeforeAll
    static void start() {
        browser = new Browser();
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void everyGradingPageIsAccessibleOnADesktopAndAPhoneAndAnEssayIsGraded() {
        var course = new GradingTestCourse(
                editor, identity, bank, quizzes, jdbc, "Grading in a browser", "Project basics", "Written task");
        var choice = course.choice("Which document authorises a project?", "A");
        var other = course.choice("What does WBS stand for?", "B");
        var essay = course.essay("Explain, with an example, why **the critical path** matters.");
        course.quiz("Project basics", QuizSettings.Category.QUIZ, choice, other);
        course.quiz("Written task", QuizSettings.Category.ASSIGNMENT, essay);
        var monday = Instant.parse("2026-03-02T09:00:00Z");
        for (var i = 0; i < 4; i++) {
            course.attempt(
                    "Project basics",
                    course.learner(i),
                    1,
                    monday,
                    Answer.chose(choice, i < 2 ? "A" : "C", i < 2),
                    Answer.chose(other, "B", true));
        }
        course.attempt(
                "Written task",
                course.learner(0),
                1,
                monday,
                new Answer(essay, Map.of("", List.of("Done.")), new BigDecimal("2")));
        var waiting = course.attempt(
                "Written task",
                course.learner(1),
                1,
                monday.plusSeconds(90),
                Answer.pending(
                        essay,
                        "The critical path is the longest chain of dependent tasks.\n\nIn our bridge project, "
                                + "pouring the foundations could not start before the permit, so a week lost there was a "
                                + "week lost for the whole project. Averyveryveryveryveryveryveryveryverylongwordthatmustwrap."));
        var base = "/teach/courses/" + course.id;
        var grading = base + "/grading";
        var essayPage = grading + "/" + waiting + "/1";
        var gradebook = base + "/gradebook";
        var override = gradebook + "/override?lesson=" + course.lesson("Project basics") + "&learner="
                + course.learner(2).value();
        var analysis = base + "/lessons/" + course.lesson("Project basics") + "/quiz/analysis";

        for (var width : List.of(1280, 360)) {
            try (var context = browser.context(width, "en-GB")) {
                var page = context.newPage();
                signIn(page);
                var pages = new java.util.LinkedHashMap<String, String>();
                pages.put("queue", grading);
                pages.put("essay", essayPage);
                pages.put("gradebook", gradebook);
                pages.put("override", override);
                pages.put("analysis", analysis);
                for (var shown : pages.entrySet()) {
                    page.navigate(url(shown.getValue()));
                    check(page, "grading-" + width + "-" + shown.getKey());
                }
                // A policy with mistakes shows them next to their fields, still accessible.
                page.navigate(url(gradebook));
                page.getByLabel("Passing percent for the course total").fill("abc");
                page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save policy"))
                        .click();
                assertThat(page.locator("#passing-error").textContent()).contains("from 0 to 100");
                check(page, "grading-" + width + "-policy-problem");
            }
        }

        try (var context = browser.context(1280, "en-GB")) {
            var page = context.newPage();
            signIn(page);
            page.navigate(url(essayPage));
            page.getByLabel("Strong and well argued").check();
            page.getByLabel("Good sources").check();
            page.getByLabel("Comment for the learner").fill("A clear example.");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save and release"))
                    .click();
            page.waitForURL(url(grading));
            assertThat(page.locator(".notice").first().textContent()).contains("Grade saved and released.");
            assertThat(page.content()).contains("No essay is waiting for grading.");
            check(page, "grading-1280-queue-empty");
        }
        assertThat(jdbc.sql("SELECT state FROM assessment.attempt WHERE id = :id")
                        .param("id", waiting)
                        .query(String.class)
                        .single())
                .isEqualTo("GRADED");
    }

    private void signIn(Page page) {
        page.navigate(url("/login"));
        page.getByLabel("E-mail address").fill(GradingTestCourse.PROFESSOR);
        page.getByLabel("Password").fill("sapere-demo-2026");
        page.getByRole(
                        AriaRole.BUTTON,
                        new Page.GetByRoleOptions().setName("Sign in").setExact(true))
                .click();
        page.waitForURL(url("/"));
    }

    private static void check(Page page, String screenshot) {
        Browser.screenshot(page, screenshot);
        Browser.assertAccessible(page);
        assertThat(Browser.scrollsSideways(page)).as(Browser.overflowing(page)).isFalse();
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
