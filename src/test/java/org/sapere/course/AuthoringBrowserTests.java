package org.sapere.course;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
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
 * Journey J2 up to publishing, in a real browser: a professor builds a course with two modules and four readings
 * (Markdown with a live preview), publishes it, and a learner finds it in the catalogue and enrols.
 */
@Tag("browser")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class AuthoringBrowserTests {

    private static final String TITLE = "Designing Sustainable Bridges";

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
    void aProfessorBuildsAndPublishesACourseAndALearnerEnrols() {
        try (var context = browser.context(1280, "en-GB")) {
            var page = context.newPage();
            signIn(page, "rossi@polimi.example");
            page.navigate(url("/account"));
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Courses you teach"))
                    .click();
            page.waitForURL(url("/teach"));
            check(page, "author-01-teach");

            page.getByLabel("Title").fill(TITLE);
            page.getByLabel("Main language").selectOption("en");
            click(page, "Create the course");
            page.waitForURL(Pattern.compile(".*/teach/courses/[0-9a-f-]{36}$"));
            check(page, "author-02-new-course");

            page.getByLabel("Summary")
                    .fill(
                            "How engineers design bridges that last a century, use less concrete and "
                                    + "steel, and can be repaired and taken apart: loads, materials, life-cycle assessment and upkeep.");
            page.getByLabel("Learning outcomes")
                    .fill("Estimate the loads on a short-span bridge\nCompare the embodied carbon of two designs");
            page.getByLabel("Sustainable technologies").check();
            page.getByLabel("Level").selectOption("INTERMEDIATE");
            click(page, "Save the details");
            assertThat(notice(page)).contains("Your changes are saved");

            page.getByLabel("Module 1").fill("Loads and materials");
            click(page, "Rename: Module 1");
            addReading(page, 0, "What a bridge has to carry", 12);
            addReading(page, 0, "Concrete, steel and timber", 15);
            page.getByLabel("New module").fill("Building and keeping bridges");
            click(page, "Add the module");
            addReading(page, 1, "Life-cycle assessment in practice", 14);
            addReading(page, 1, "Inspection and repair", 10);
            assertThat(page.locator(".lesson-editor-list li").count()).isEqualTo(4);

            // Reorder with the keyboard-operable buttons: the last reading moves up, then back down.
            click(page, "Up: Inspection and repair");
            assertThat(page.locator(".module-editor")
                            .nth(1)
                            .locator(".lesson-editor-list li a")
                            .first()
                            .textContent())
                    .isEqualTo("Inspection and repair");
            click(page, "Down: Inspection and repair");

            // Publishing is refused while readings have no text, and says why.
            click(page, "Publish the course");
            assertThat(page.locator(".notice.error").textContent()).contains("has no text");

            write(
                    page,
                    "What a bridge has to carry",
                    "## Dead and live loads\n\nA bridge carries its own weight "
                            + "(the **dead load**) and what crosses it (the **live load**).\n\n| Load | Typical value |\n"
                            + "|---|---|\n| Pedestrians | 5 kN/m² |\n| Lorries | 300 kN per axle group |\n");
            write(
                    page,
                    "Concrete, steel and timber",
                    "## Three materials\n\n- Concrete: cheap, heavy, carbon-intensive"
                            + "\n- Steel: strong, recyclable\n- Timber: light, renewable, needs protection from water\n");
            write(
                    page,
                    "Life-cycle assessment in practice",
                    "## From cradle to grave\n\nA life-cycle assessment "
                            + "adds up the impacts of every stage: materials, building, use, repair and demolition.\n");
            write(
                    page,
                    "Inspection and repair",
                    "## Looking after a bridge\n\nMost bridges in Europe are inspected "
                            + "every six years; small repairs in time avoid large ones later.\n");

            // The preview shows the draft as learners will see it: every reading, rendered.
            page.getByRole(
                            AriaRole.LINK,
                            new Page.GetByRoleOptions().setName("Preview the course as learners will see it"))
                    .click();
            assertThat(page.locator(".preview-lesson").count()).isEqualTo(4);
            assertThat(page.locator(".preview-lesson table").count()).isEqualTo(1);
            check(page, "author-045-preview");
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Back to editing"))
                    .click();

            click(page, "Publish the course");
            assertThat(notice(page)).contains("Published");
            assertThat(page.locator(".section-head .badge").first().textContent())
                    .contains("version 1");
            check(page, "author-05-published");
        }

        try (var context = browser.context(360, "en-GB")) {
            var page = context.newPage();
            signIn(page, "learner005@learners.sapere.test");
            page.navigate(url("/courses"));
            page.getByLabel("Search courses").fill("sustainable bridges");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Search"))
                    .click();
            page.waitForURL(Pattern.compile(".*q=sustainable.*"));
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(TITLE))
                    .first()
                    .click();
            assertThat(page.locator("h1").textContent()).isEqualTo(TITLE);
            assertThat(page.content()).contains("Inspection and repair", "Politecnico di Milano");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Enrol for free"))
                    .click();
            assertThat(page.getByRole(AriaRole.STATUS).first().textContent()).contains("You are enrolled");
            check(page, "author-06-learner-enrolled");
        }
    }

    private void addReading(Page page, int module, String title, int minutes) {
        var card = page.locator(".module-editor").nth(module);
        card.getByLabel("New lesson").fill(title);
        card.getByLabel("Minutes").fill(String.valueOf(minutes));
        card.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName(Pattern.compile("^Add the lesson")))
                .click();
        page.waitForLoadState();
        assertThat(notice(page)).contains("Your changes are saved");
    }

    private void write(Page page, String lesson, String markdown) {
        page.getByRole(
                        AriaRole.LINK,
                        new Page.GetByRoleOptions().setName(lesson).setExact(true))
                .click();
        page.waitForURL(Pattern.compile(".*/lessons/.*"));
        page.getByLabel("Text of the reading").fill(markdown);
        // The live preview (htmx) renders the Markdown as learners will see it.
        page.locator("#preview h2").waitFor();
        if (lesson.startsWith("What a bridge")) {
            assertThat(page.locator("#preview table").count()).isEqualTo(1);
            check(page, "author-03-lesson-editor");
            page.setViewportSize(360, 800);
            check(page, "author-04-lesson-editor-phone");
            page.setViewportSize(1280, 900);
        }
        click(page, "Save the lesson");
        assertThat(notice(page)).contains("Your changes are saved");
        page.locator(".breadcrumb a").nth(1).click();
        page.waitForURL(Pattern.compile(".*/teach/courses/[0-9a-f-]{36}.*"));
    }

    /** Clicks a button by its accessible name; hidden context after a colon may come with a space before it. */
    private static void click(Page page, String button) {
        // Written for JavaScript's regular expressions (Playwright evaluates them in the browser).
        var escaped = button.replaceAll("[\\\\^$.|?*+()\\[\\]{}]", "\\\\$0").replace(": ", "\\s*:\\s*");
        var name = Pattern.compile("^" + escaped + "$");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(name))
                .click();
        page.waitForLoadState();
    }

    private static String notice(Page page) {
        return page.locator(".notice").first().textContent();
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
