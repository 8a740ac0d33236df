package org.sapere.learning.goals;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.sapere.course.CourseAuthoring;
import org.sapere.enrolment.Registrar;
import org.sapere.identity.IdentityDirectory;
import org.sapere.support.Browser;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The weekly goal in Chromium at 360 px (and its pages once more at 1280 px), axe-checked, never scrolling sideways:
 * a learner finds the invitation on "My learning", sets a goal (a wrong target first), turns on the streak and the
 * reminder, completes a lesson and sees the card move; then the reminder's unsubscribe link, without signing in.
 */
@Tag("browser")
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "sapere.learning.reminders.enabled=false")
class WeeklyGoalBrowserTests {

    private static final String EMAIL = "learner049@learners.sapere.test";
    private static final String COURSE = "project-management-essentials";

    private static Browser browser;

    @LocalServerPort
    int port;

    @Autowired
    IdentityDirectory identity;

    @Autowired
    CourseAuthoring courses;

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

    @Test
    void setAWeeklyGoalOnAPhoneAndWatchItMove() {
        var learner = identity.accountByEmail(EMAIL).orElseThrow();
        var course = courses.outlineBySlug(COURSE).orElseThrow();
        registrar.enrol(learner, course.id());
        jdbc.sql("DELETE FROM learning.lesson_progress WHERE account_id = :id")
                .param("id", learner.value())
                .update();
        var first = course.lessons().findFirst().orElseThrow();

        try (var context = browser.context(360, "en-GB")) {
            var page = context.newPage();
            signIn(page);
            page.navigate(url("/learn"));
            assertThat(page.locator(".goal-card h2").textContent()).isEqualTo("Set a weekly goal");
            check(page, "goal-01-invitation-360");

            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Choose a goal"))
                    .click();
            page.waitForURL(url("/learn/goal"));
            check(page, "goal-02-form-360");

            page.getByLabel("Completed lessons").check();
            page.getByLabel("Target per week").fill("0");
            save(page);
            assertThat(page.locator("#target-error").textContent())
                    .isEqualTo("Enter a number of lessons from 1 to 50.");
            check(page, "goal-03-error-360");

            page.getByLabel("Target per week").fill("3");
            page.getByLabel("Show my streak").check();
            page.getByLabel("Send me a weekly reminder e-mail").check();
            save(page);
            page.waitForURL(url("/learn"));
            assertThat(page.getByRole(AriaRole.STATUS).textContent()).contains("Your weekly goal is saved.");
            assertThat(page.locator(".goal-figure").textContent()).isEqualTo("0 of 3 lessons this week");
            assertThat(page.locator(".goal-streak").textContent()).contains("No streak yet");
            check(page, "goal-04-set-360");

            page.navigate(url("/learn/courses/" + COURSE + "/lessons/" + first.id()));
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Mark as complete"))
                    .click();
            page.waitForURL(url("/learn/courses/" + COURSE + "/lessons/**"));
            page.navigate(url("/learn"));
            assertThat(page.locator(".goal-figure").textContent()).isEqualTo("1 of 3 lessons this week");
            assertThat(page.locator(".goal-streak").textContent().strip()).isEqualTo("Streak: 1 day in a row");
            check(page, "goal-05-progress-360");
        }

        try (var context = browser.context(1280, "en-GB")) {
            var page = context.newPage();
            signIn(page);
            page.navigate(url("/learn"));
            check(page, "goal-06-progress-1280");
            page.navigate(url("/learn/goal"));
            assertThat(page.getByLabel("Target per week").inputValue()).isEqualTo("3");
            check(page, "goal-07-form-1280");
        }

        var token = jdbc.sql("SELECT reminder_token FROM learning.learner_settings WHERE account_id = :id")
                .param("id", learner.value())
                .query(UUID.class)
                .single();
        try (var context = browser.context(360, "en-GB")) {
            var page = context.newPage();
            page.navigate(url("/learn/reminders/unsubscribe/" + token));
            assertThat(page.locator("h1").textContent()).isEqualTo("Stop the weekly reminder?");
            check(page, "goal-08-unsubscribe-360");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Stop the reminders"))
                    .click();
            assertThat(page.locator("h1").textContent()).isEqualTo("Reminder e-mails stopped");
            check(page, "goal-09-unsubscribed-360");
            page.navigate(url("/learn/reminders/unsubscribe/" + UUID.randomUUID()));
            assertThat(page.locator("h1").textContent()).isEqualTo("This link does not work");
            check(page, "goal-10-unknown-link-360");
        }
    }

    private void save(Page page) {
        page.getByRole(
                        AriaRole.BUTTON,
                        new Page.GetByRoleOptions().setName("Save").setExact(true))
                .click();
    }

    private void signIn(Page page) {
        page.navigate(url("/login"));
        page.getByLabel("E-mail address").fill(EMAIL);
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
