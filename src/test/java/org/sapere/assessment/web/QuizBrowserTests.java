package org.sapere.assessment.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.sapere.course.LessonKind;
import org.sapere.course.domain.CourseEditor;
import org.sapere.enrolment.Registrar;
import org.sapere.identity.IdentityDirectory;
import org.sapere.support.Browser;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The assessment journey in Chromium, axe-checked on every page: a professor writes a question of every type in the
 * course's bank, makes a timed quiz that draws seven of them at random and always asks two more; a learner takes
 * it, reloads halfway and finds the answers there, submits and reads the feedback; the professor grades the essay
 * with its rubric, and the learner's result becomes final; the professor reads the item analysis.
 */
@Tag("browser")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class QuizBrowserTests {

    private static final String PROFESSOR = "rossi@polimi.example";
    private static final String LEARNER = "learner019@learners.sapere.test";
    private static Browser browser;

    @LocalServerPort
    int port;

    @Autowired
    CourseEditor editor;

    @Autowired
    IdentityDirectory identity;

    @Autowired
    Registrar registrar;

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

    /** A question of each type: its type, its fields in the form, and the tag that puts it in the random draw. */
    record Question(String type, Map<String, String> fields) {}

    static final List<Question> QUESTIONS = List.of(
            new Question(
                    "single-choice",
                    Map.of(
                            "stem", "Which city is the capital of Italy?",
                            "options",
                                    "* Rome | Yes, since 1871.\nMilan\nTurin | It was the first capital, until 1865.",
                            "tags", "core")),
            new Question(
                    "multiple-response",
                    Map.of(
                            "stem", "Which of these countries are members of the European Union?",
                            "options", "* Sweden\n* Netherlands\nNorway | Norway is in the EEA, not the EU.\n* Germany",
                            "tags", "core")),
            new Question(
                    "true-false",
                    Map.of("stem", "The Rhine flows into the North Sea.", "answer", "true", "tags", "core")),
            new Question(
                    "short-text",
                    Map.of(
                            "stem",
                            "Name the river that flows through Rome.",
                            "answers",
                            "Tiber\nTevere",
                            "tags",
                            "core")),
            new Question(
                    "fill-in-the-blanks",
                    Map.of(
                            "stem", "Complete the sentence.",
                            "text",
                                    "Amsterdam is the capital of the {{country}}, and Bern is the seat of government of {{swiss}}.",
                            "gaps", "country: Netherlands; the Netherlands\nswiss: [*Switzerland | Austria | Belgium]",
                            "tags", "core")),
            new Question(
                    "ordering",
                    Map.of(
                            "stem", "Order these cities from north to south.",
                            "items", "Stockholm\nBerlin\nMilan\nPalermo",
                            "tags", "core")),
            new Question(
                    "matching",
                    Map.of(
                            "stem", "Match each university with its city.",
                            "pairs",
                                    "ETH Zürich = Zürich\nPolitecnico di Milano = Milan\nTU Delft = Delft\n= Eindhoven",
                            "tags", "core")),
            new Question(
                    "numeric",
                    Map.of(
                            "stem", "What is g, the acceleration due to gravity at the Earth's surface, in m/s²?",
                            "value", "9.81",
                            "toleranceAbsolute", "0.05",
                            "units", "m/s², m/s^2")),
            new Question(
                    "essay",
                    Map.of(
                            "stem", "In a short paragraph, explain why a project needs a charter.",
                            "rubric",
                                    "Argument: Strong = 3; Adequate = 1.5; Missing = 0\nClarity: Clear = 1; Unclear = 0",
                            "points", "4")));

    @Test
    void aProfessorBuildsAQuizALearnerTakesItAndTheEssayIsGraded() throws Exception {
        var rossi = identity.accountByEmail(PROFESSOR).orElseThrow();
        var course = editor.create(
                rossi, identity.organisationBySlug("polimi").orElseThrow().id(), "European Geography Quiz", "en");
        var module = editor.open(course, rossi).course().modules().getFirst().id();
        var added = editor.addLesson(
                course,
                module,
                rossi,
                editor.open(course, rossi).revision(),
                "Check your knowledge",
                15,
                new LessonKind("quiz"));
        assertThat(added.ok()).isTrue();
        var lesson = editor.open(course, rossi)
                .course()
                .modules()
                .getFirst()
                .lessons()
                .getFirst()
                .id();
        var teach = "/teach/courses/" + course;

        try (var context = browser.context(1280, "en-GB")) {
            var page = context.newPage();
            signIn(page, PROFESSOR);
            page.navigate(url(teach + "/bank"));
            check(page, "quiz-00-bank-empty");
            for (var question : QUESTIONS) {
                page.navigate(url(teach + "/bank"));
                page.locator(".type-menu a[href$='type=" + question.type() + "']")
                        .click();
                page.waitForURL(url(teach + "/bank/new?type=" + question.type()));
                for (var field : question.fields().entrySet()) {
                    if (field.getKey().equals("answer")) {
                        page.locator("#item-answer-" + field.getValue()).check();
                    } else {
                        page.locator("#item-" + field.getKey()).fill(field.getValue());
                    }
                }
                if (question.type().equals("essay")) {
                    check(page, "quiz-01-item-editor");
                }
                page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save question"))
                        .click();
                assertThat(page.locator(".notice").first().textContent())
                        .as(question.type())
                        .contains("Question saved");
            }
            check(page, "quiz-02-item-saved");
            page.navigate(url(teach + "/bank"));
            assertThat(page.locator(".bank-item").count()).isEqualTo(9);
            check(page, "quiz-03-bank");
            page.setViewportSize(360, 800);
            check(page, "quiz-03-bank-360");
            page.setViewportSize(1280, 900);

            // The quiz: the numeric question and the essay always, seven drawn from "core", a 20-minute limit.
            page.navigate(url(teach + "/lessons/" + lesson + "/quiz"));
            check(page, "quiz-04-settings-empty");
            page.getByLabel("What is g, the acceleration", new Page.GetByLabelOptions())
                    .check();
            page.getByLabel("In a short paragraph, explain", new Page.GetByLabelOptions())
                    .check();
            page.locator("#drawTag").selectOption("core");
            page.locator("#drawCount").fill("7");
            page.locator("#timeLimit").fill("20");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save the quiz"))
                    .click();
            assertThat(page.locator(".notice").first().textContent()).contains("Quiz saved");
            check(page, "quiz-05-settings");
        }
        var slug = publish(course);

        var learner = identity.accountByEmail(LEARNER).orElseThrow();
        registrar.enrol(learner, new org.sapere.course.CourseId(course));
        String attemptUrl;
        try (var context = browser.context(1280, "en-GB")) {
            var page = context.newPage();
            signIn(page, LEARNER);
            page.navigate(url("/learn/courses/" + slug + "/lessons/" + lesson));
            assertThat(page.locator(".quiz-intro").textContent()).contains("9 questions", "20 minutes");
            check(page, "quiz-06-intro");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Start the quiz"))
                    .click();
            page.waitForURL(u -> u.contains("/learn/attempts/"));
            attemptUrl = page.url();
            assertThat(page.locator("fieldset[data-position]").count()).isEqualTo(9);
            assertThat(page.locator("#quiz-timer").textContent()).contains("Time left");
            check(page, "quiz-07-attempt");

            // The first half, then a reload: the answers are there.
            question(page, "capital of Italy").getByLabel("Rome").check();
            question(page, "members of the European Union").getByLabel("Sweden").check();
            question(page, "members of the European Union")
                    .getByLabel("Netherlands")
                    .check();
            question(page, "members of the European Union")
                    .getByLabel("Germany")
                    .check();
            question(page, "The Rhine flows").getByLabel("True").check();
            question(page, "river that flows through Rome")
                    .getByLabel("Your answer")
                    .fill("tiber");
            waitSaved(page);
            page.reload();
            assertThat(question(page, "capital of Italy").getByLabel("Rome").isChecked())
                    .isTrue();
            assertThat(question(page, "members of the European Union")
                            .getByLabel("Germany")
                            .isChecked())
                    .isTrue();
            assertThat(question(page, "The Rhine flows").getByLabel("True").isChecked())
                    .isTrue();
            assertThat(question(page, "river that flows through Rome")
                            .getByLabel("Your answer")
                            .inputValue())
                    .isEqualTo("tiber");

            // The second half.
            var blanks = question(page, "Complete the sentence");
            blanks.getByLabel("Gap 1").fill("Netherlands");
            blanks.getByLabel("Gap 2")
                    .selectOption(new com.microsoft.playwright.options.SelectOption().setLabel("Switzerland"));
            var order = question(page, "north to south");
            var cities = List.of("Stockholm", "Berlin", "Milan", "Palermo");
            for (var i = 0; i < cities.size(); i++) {
                order.getByRole(AriaRole.COMBOBOX, new Locator.GetByRoleOptions().setName("Position " + cities.get(i)))
                        .selectOption(String.valueOf(i + 1));
            }
            var match = question(page, "university with its city");
            match.getByLabel("ETH Zürich")
                    .selectOption(new com.microsoft.playwright.options.SelectOption().setLabel("Zürich"));
            match.getByLabel("Politecnico di Milano")
                    .selectOption(new com.microsoft.playwright.options.SelectOption().setLabel("Milan"));
            match.getByLabel("TU Delft")
                    .selectOption(new com.microsoft.playwright.options.SelectOption().setLabel("Delft"));
            question(page, "acceleration due to gravity")
                    .getByLabel("Your answer")
                    .fill("9,8 m/s²");
            question(page, "why a project needs a charter")
                    .getByLabel("Your answer")
                    .fill("A charter names the sponsor, the objectives and the limits of the project, so that "
                            + "everyone agrees on one page before the planning starts.");
            waitSaved(page);
            page.setViewportSize(360, 800);
            check(page, "quiz-08-attempt-360");
            page.setViewportSize(1280, 900);
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Submit answers"))
                    .click();
            page.waitForURL(attemptUrl);
            var result = page.locator("main").textContent();
            assertThat(result).contains("waiting for grading").contains("Yes, since 1871.");
            check(page, "quiz-09-result-waiting");
        }

        // The professor grades the essay and releases the grade.
        try (var context = browser.context(1280, "en-GB")) {
            var page = context.newPage();
            signIn(page, PROFESSOR);
            page.navigate(url(teach + "/grading"));
            check(page, "quiz-10-grading-queue");
            page.locator("table a.button").first().click();
            assertThat(page.locator("main").textContent()).contains("A charter names the sponsor");
            check(page, "quiz-11-grading-essay");
            page.getByLabel(java.util.regex.Pattern.compile("^Strong")).check();
            page.getByLabel(java.util.regex.Pattern.compile("^Clear")).check();
            page.getByLabel("Comment for the learner").fill("Clear and to the point.");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save and release"))
                    .click();
            assertThat(page.locator(".notice").first().textContent()).contains("released");
            page.navigate(url(teach + "/grading"));
            assertThat(page.locator("main").textContent()).contains("No essay is waiting");

            page.navigate(url(teach + "/lessons/" + lesson + "/quiz/analysis"));
            assertThat(page.locator("main").textContent()).contains("capital of Italy");
            check(page, "quiz-12-analysis");
            page.navigate(url(teach + "/gradebook"));
            assertThat(page.locator("main").textContent()).contains("100");
            check(page, "quiz-13-gradebook");
        }

        // The learner's result is final: every answer right, the essay graded with its comment.
        try (var context = browser.context(1280, "en-GB")) {
            var page = context.newPage();
            signIn(page, LEARNER);
            page.navigate(attemptUrl);
            var result = page.locator(".quiz-outcome").textContent();
            assertThat(result).contains("100%").contains("Passed");
            assertThat(page.locator("main").textContent()).contains("Clear and to the point.");
            check(page, "quiz-14-result-final");
            page.setViewportSize(360, 800);
            check(page, "quiz-14-result-final-360");
            page.navigate(url("/learn/courses/" + slug + "/grades"));
            assertThat(page.locator("main").textContent()).contains("Check your knowledge", "100%");
            check(page, "quiz-15-my-grades-360");
            page.setViewportSize(1280, 900);
            check(page, "quiz-15-my-grades");
        }
        assertThat(jdbc.sql("SELECT count(*) FROM assessment.quiz_done WHERE lesson_id = :l")
                        .param("l", lesson)
                        .query(Integer.class)
                        .single())
                .isEqualTo(1);
    }

    private Locator question(Page page, String stem) {
        return page.locator("fieldset[data-position]", new Page.LocatorOptions().setHasText(stem));
    }

    private void waitSaved(Page page) {
        page.locator("#quiz-status[data-state='saved']").waitFor(new Locator.WaitForOptions().setTimeout(10_000));
    }

    private String publish(UUID course) {
        var rossi = identity.accountByEmail(PROFESSOR).orElseThrow();
        var draft = editor.open(course, rossi);
        var details = editor.updateDetails(
                course,
                rossi,
                draft.revision(),
                "en",
                draft.course().title().original(),
                "A short quiz on European geography, made by a test.",
                "",
                List.of(),
                "BEGINNER",
                List.of(),
                draft.course().slug());
        assertThat(details.ok()).as(String.valueOf(details.problems())).isTrue();
        var published = editor.publish(course, rossi, editor.open(course, rossi).revision());
        assertThat(published.ok()).as(String.valueOf(published.problems())).isTrue();
        return editor.open(course, rossi).course().slug();
    }

    private void signIn(Page page, String email) {
        page.navigate(url("/login"));
        page.getByLabel("E-mail address").fill(email);
        page.getByLabel("Password").fill("sapere-demo-2026");
        page.getByRole(
                        AriaRole.BUTTON,
                        new Page.GetByRoleOptions().setName("Sign in").setExact(true))
                .click();
        page.waitForURL(url("/"));
    }

    private void check(Page page, String screenshot) {
        Browser.screenshot(page, screenshot);
        Browser.assertAccessible(page);
        assertThat(Browser.scrollsSideways(page)).as(Browser.overflowing(page)).isFalse();
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
