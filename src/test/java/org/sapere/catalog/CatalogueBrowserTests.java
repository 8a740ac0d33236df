package org.sapere.catalog;

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
 * The catalogue in a real browser (the filter form is plain HTML, no script involved): a learner finds the Italian
 * course by an inflected Italian word and the English one by a misspelt word, narrows by filters, pages, opens a
 * course and its university. Every page passes axe at 1280 and 360 px without scrolling sideways.
 */
@Tag("browser")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class CatalogueBrowserTests {

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
    void searchingOnADesktop() {
        journey(1280, "desktop");
    }

    @Test
    void searchingOnAPhone() {
        journey(360, "phone");
    }

    private void journey(int width, String name) {
        try (var context = browser.context(width, "en-GB")) {
            var page = context.newPage();
            page.navigate(url("/courses"));
            check(page, name + "-catalogue-01-all");

            search(page, "progettazione");
            check(page, name + "-catalogue-02-italian-stem");
            assertThat(page.locator(".course-card h3").allTextContents())
                    .first()
                    .isEqualTo("Gestione agile dei progetti");
            assertThat(page.locator(".course-card mark").first().textContent()).isEqualToIgnoringCase("progetti");

            search(page, "managment");
            check(page, name + "-catalogue-03-typo");
            assertThat(page.locator(".course-card h3").allTextContents())
                    .first()
                    .isEqualTo("Project Management Essentials");

            // Filters: a checkbox and the Apply button, no script involved.
            search(page, "");
            page.getByLabel(Pattern.compile("^Italian")).check();
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Apply filters"))
                    .click();
            page.waitForURL(Pattern.compile(".*language=it.*"));
            check(page, name + "-catalogue-04-filtered");
            assertThat(page.locator(".course-card").count()).isEqualTo(2);
            assertThat(page.locator("#results-title").textContent()).isEqualTo("2 courses");

            page.selectOption("#sort", "newest");
            page.getByRole(
                            AriaRole.BUTTON,
                            new Page.GetByRoleOptions().setName("Search").setExact(true))
                    .click();
            page.waitForURL(Pattern.compile(".*sort=newest.*"));
            assertThat(page.getByLabel(Pattern.compile("^Italian")).isChecked()).isTrue();

            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Gestione agile dei progetti"))
                    .click();
            page.waitForURL(url("/courses/gestione-agile-dei-progetti"));
            check(page, name + "-catalogue-05-course");
            assertThat(page.locator("script[type='application/ld+json']").count())
                    .isEqualTo(1);

            page.locator(".enrol-box")
                    .getByRole(
                            AriaRole.LINK,
                            new com.microsoft.playwright.Locator.GetByRoleOptions().setName("Politecnico di Milano"))
                    .click();
            page.waitForURL(url("/universities/polimi"));
            check(page, name + "-catalogue-06-university");
            assertThat(page.locator("h1").textContent()).isEqualTo("Politecnico di Milano");
            assertThat(page.locator(".course-card").count()).isGreaterThanOrEqualTo(2);

            page.navigate(url("/courses?page=2&sort=popular&lang=it"));
            check(page, name + "-catalogue-07-page-two-it");
            assertThat(page.locator("html").getAttribute("lang")).isEqualTo("it");
        }
    }

    private void search(Page page, String words) {
        page.getByLabel("Search courses").fill(words);
        page.getByRole(
                        AriaRole.BUTTON,
                        new Page.GetByRoleOptions().setName("Search").setExact(true))
                .click();
        page.waitForURL(Pattern.compile(".*/courses\\?.*"));
        page.waitForLoadState();
    }

    private void check(Page page, String screenshot) {
        Browser.screenshot(page, screenshot);
        Browser.assertAccessible(page);
        assertThat(Browser.scrollsSideways(page))
                .as("horizontal scrolling on " + page.url() + ": " + Browser.overflowing(page))
                .isFalse();
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
