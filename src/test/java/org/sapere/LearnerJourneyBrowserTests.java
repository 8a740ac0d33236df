package org.sapere;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.sapere.support.Browser;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The foundation's journey in a real browser: a visitor browses the catalogue, opens a course, signs in, enrols,
 * completes a lesson, sees the progress on /learn and switches the language. Every page passes axe; the journey
 * runs at 1280 px, at 360 px (nothing scrolls sideways) and once with the keyboard only.
 */
@Tag("browser")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class LearnerJourneyBrowserTests {

    private static final String PASSWORD = "sapere-demo-2026";
    private static final String COURSE = "Project Management Essentials";

    private static Browser browser;

    @LocalServerPort
    int port;

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
    void learnerJourneyOnADesktop() {
        journey(1280, "learner007@learners.sapere.test", "desktop");
    }

    @Test
    void learnerJourneyOnAPhone() {
        journey(360, "learner014@learners.sapere.test", "phone");
    }

    private void journey(int width, String email, String name) {
        try (var context = browser.context(width, "en-GB")) {
            var page = context.newPage();
            page.navigate(url("/"));
            check(page, name + "-01-home");
            assertThat(page.locator("h1").textContent()).contains("Learn something new");

            page.getByRole(
                            AriaRole.LINK,
                            new Page.GetByRoleOptions().setName("Courses").setExact(true))
                    .first()
                    .click();
            check(page, name + "-02-catalogue");

            page.getByLabel("Search courses").fill("project management");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Search"))
                    .click();
            page.waitForURL(Pattern.compile(".*q=project.*"));
            check(page, name + "-03-search");
            assertThat(page.locator(".course-card h3").allTextContents()).contains(COURSE);

            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(COURSE))
                    .click();
            page.waitForURL(url("/courses/project-management-essentials"));
            check(page, name + "-04-course");
            assertThat(page.locator("h1").textContent()).isEqualTo(COURSE);
            assertThat(page.getByText("Syllabus").isVisible()).isTrue();

            // Signed out, "Enrol" asks for sign-in first and then returns to the course.
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Enrol for free"))
                    .click();
            page.waitForURL(url("/login"));
            check(page, name + "-05-login");
            page.getByLabel("E-mail address").fill(email);
            page.getByLabel("Password").fill(PASSWORD);
            page.getByRole(
                            AriaRole.BUTTON,
                            new Page.GetByRoleOptions().setName("Sign in").setExact(true))
                    .click();
            page.waitForURL(url("/courses/project-management-essentials"));

            leaveIfEnrolled(page);
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Enrol for free"))
                    .click();
            page.waitForURL(Pattern.compile(".*/learn/courses/project-management-essentials/lessons/.*"));
            check(page, name + "-06-player");
            assertThat(page.getByRole(AriaRole.STATUS).textContent()).contains("You are enrolled");
            var firstLesson = page.locator("#lesson-title").textContent();

            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Mark as complete"))
                    .click();
            page.waitForSelector("text=Lesson completed");
            check(page, name + "-07-next-lesson");
            assertThat(page.locator("#lesson-title").textContent()).isNotEqualTo(firstLesson);
            assertThat(page.locator(".tick.done").count()).isEqualTo(1);

            page.getByRole(
                            AriaRole.LINK,
                            new Page.GetByRoleOptions().setName("My learning").setExact(true))
                    .first()
                    .click();
            page.waitForURL(url("/learn"));
            check(page, name + "-08-learn");
            var card = page.locator(".dashboard-list .card")
                    .filter(new com.microsoft.playwright.Locator.FilterOptions().setHasText(COURSE));
            assertThat(card.textContent()).contains("1 of 11 lessons");

            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Italiano"))
                    .click();
            page.waitForURL(Pattern.compile(".*lang=it.*"));
            check(page, name + "-09-learn-it");
            assertThat(page.locator("html").getAttribute("lang")).isEqualTo("it");
            assertThat(page.locator("h1").textContent()).isNotEqualTo("My learning");

            // The choice is remembered on the next page.
            page.navigate(url("/courses"));
            assertThat(page.locator("html").getAttribute("lang")).isEqualTo("it");
            check(page, name + "-10-catalogue-it");
        }
    }

    @Test
    void learnerJourneyWithTheKeyboardOnly() {
        try (var context = browser.context(1280, "en-GB")) {
            var page = context.newPage();
            page.navigate(url("/courses/project-management-essentials"));

            // The first Tab reaches the skip link, which moves focus to the main content.
            page.keyboard().press("Tab");
            assertThat(focusedText(page)).isEqualTo("Skip to main content");
            page.keyboard().press("Enter");

            tabTo(page, "Enrol for free");
            page.keyboard().press("Enter");
            page.waitForURL(url("/login"));
            tabTo(page, "E-mail address");
            page.keyboard().type("learner021@learners.sapere.test");
            page.keyboard().press("Tab");
            page.keyboard().type(PASSWORD);
            page.keyboard().press("Enter");
            page.waitForURL(url("/courses/project-management-essentials"));

            if (page.getByText("Leave this course").count() > 0) {
                tabTo(page, "Leave this course");
                page.keyboard().press("Enter");
                page.waitForSelector("text=You have left the course");
            }
            tabTo(page, "Enrol for free");
            page.keyboard().press("Enter");
            page.waitForURL(Pattern.compile(".*/lessons/.*"));
            tabTo(page, "Mark as complete");
            page.keyboard().press("Enter");
            page.waitForSelector("text=Lesson completed");

            tabTo(page, "My learning");
            page.keyboard().press("Enter");
            page.waitForURL(url("/learn"));
            assertThat(page.locator("main").textContent()).contains("1 of 11 lessons");
            check(page, "keyboard-learn");
        }
    }

    private void leaveIfEnrolled(Page page) {
        var leave = page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Leave this course"));
        if (leave.count() > 0) {
            leave.click();
            page.waitForSelector("text=You have left the course");
        }
    }

    private void check(Page page, String screenshot) {
        Browser.screenshot(page, screenshot);
        Browser.assertAccessible(page);
        assertThat(Browser.scrollsSideways(page))
                .as("horizontal scrolling on " + page.url())
                .isFalse();
    }

    private static String focusedText(Page page) {
        return String.valueOf(page.evaluate("""
                () => { const e = document.activeElement;
                        const label = e.labels && e.labels.length ? e.labels[0].textContent : '';
                        return (label || e.textContent || e.value || '').trim(); }"""));
    }

    /** Presses Tab until the focused element's text (or label) starts with the given text. */
    private static void tabTo(Page page, String text) {
        for (int i = 0; i < 80; i++) {
            page.keyboard().press("Tab");
            if (focusedText(page).startsWith(text)) {
                return;
            }
        }
        throw new AssertionError("Tab never reached \"" + text + "\" on " + page.url());
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
