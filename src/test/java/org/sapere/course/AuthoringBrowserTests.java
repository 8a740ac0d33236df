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

    private static final String TITLE = "Progettare ponti sostenibili";
    private static final String EN_TITLE = "Designing Sustainable Bridges";

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

            // An Italian course, with its title and summary in English too.
            page.getByLabel("Title").fill(TITLE);
            page.getByLabel("Main language").selectOption("it");
            click(page, "Create the course");
            page.waitForURL(Pattern.compile(".*/teach/courses/[0-9a-f-]{36}$"));
            check(page, "author-02-new-course");

            page.getByLabel("Summary")
                    .fill(
                            "Come si progettano ponti che durano un secolo, usano meno calcestruzzo e acciaio e si "
                                    + "possono riparare e smontare: carichi, materiali, valutazione del ciclo di vita e manutenzione.");
            page.getByLabel("Learning outcomes")
                    .fill(
                            "Stimare i carichi su un ponte di piccola luce\nConfrontare il carbonio incorporato di due progetti");
            page.getByLabel("Sustainable technologies").check();
            page.getByLabel("Level", new Page.GetByLabelOptions().setExact(true))
                    .selectOption("INTERMEDIATE");
            click(page, "Save the details");
            assertThat(notice(page)).contains("Your changes are saved");
            page.getByLabel("ECTS credits").fill("2");
            page.getByLabel("EQF level").selectOption("6");
            page.getByLabel("How learning is assessed").selectOption("ONLINE_QUIZZES");
            click(page, "Save the credit information");
            assertThat(notice(page)).contains("Your changes are saved");

            page.getByLabel("Languages of the texts")
                    .getByRole(
                            AriaRole.LINK,
                            new Locator.GetByRoleOptions().setName("English").setExact(true))
                    .click();
            page.getByLabel("Title").fill(EN_TITLE);
            page.getByLabel("Summary")
                    .fill("How engineers design bridges that last a century, use less concrete and steel, and can be "
                            + "repaired and taken apart: loads, materials, life-cycle assessment and upkeep.");
            click(page, "Save the details");
            assertThat(notice(page)).contains("Your changes are saved");
            page.getByLabel("Languages of the texts")
                    .getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName(Pattern.compile("^Italian")))
                    .click();

            page.getByLabel("Module 1").fill("Carichi e materiali");
            click(page, "Rename: Module 1");
            addReading(page, 0, "Cosa deve sostenere un ponte", 12);
            addReading(page, 0, "Calcestruzzo, acciaio e legno", 15);
            page.getByLabel("New module").fill("Costruire e mantenere i ponti");
            click(page, "Add the module");
            addReading(page, 1, "Il ciclo di vita in pratica", 14);
            addReading(page, 1, "Ispezione e riparazione", 10);
            assertThat(page.locator(".lesson-editor-list li").count()).isEqualTo(4);

            // Reorder with the keyboard-operable buttons: the last reading moves up, then back down.
            click(page, "Up: Ispezione e riparazione");
            assertThat(page.locator(".module-editor")
                            .nth(1)
                            .locator(".lesson-editor-list li a")
                            .first()
                            .textContent())
                    .isEqualTo("Ispezione e riparazione");
            click(page, "Down: Ispezione e riparazione");

            // Publishing is refused while readings have no text, and says why.
            click(page, "Publish the course");
            assertThat(page.locator(".notice.error").textContent()).contains("has no text");

            write(
                    page,
                    "Cosa deve sostenere un ponte",
                    "## Carichi permanenti e variabili\n\nUn ponte sostiene il proprio peso (il **carico permanente**) "
                            + "e ciò che lo attraversa (il **carico variabile**).\n\n| Carico | Valore tipico |\n"
                            + "|---|---|\n| Pedoni | 5 kN/m² |\n| Camion | 300 kN per gruppo di assi |\n");
            write(
                    page,
                    "Calcestruzzo, acciaio e legno",
                    "## Tre materiali\n\n- Calcestruzzo: economico, pesante, ad alta intensità di carbonio"
                            + "\n- Acciaio: resistente, riciclabile\n- Legno: leggero, rinnovabile, da proteggere dall'acqua\n");
            write(
                    page,
                    "Il ciclo di vita in pratica",
                    "## Dalla culla alla tomba\n\nUna valutazione del ciclo di vita somma gli impatti di ogni fase: "
                            + "materiali, costruzione, uso, riparazione e demolizione.\n");
            write(
                    page,
                    "Ispezione e riparazione",
                    "## Prendersi cura di un ponte\n\nIn Europa la maggior parte dei ponti viene ispezionata ogni "
                            + "sei anni; piccole riparazioni fatte in tempo evitano grandi lavori più tardi.\n");

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
            // Found by an inflected Italian word ("ponte", singular, in a title that says "ponti")...
            search(page, "ponte sostenibile");
            assertThat(page.locator(".course-card h3").allTextContents()).contains(EN_TITLE);
            // ... and by misspelt English words.
            search(page, "sustainble bridgs");
            assertThat(page.locator(".course-card h3").allTextContents()).contains(EN_TITLE);
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(EN_TITLE))
                    .first()
                    .click();
            assertThat(page.locator("h1").textContent()).isEqualTo(EN_TITLE);
            assertThat(page.content()).contains("Ispezione e riparazione", "Politecnico di Milano");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Enrol for free"))
                    .click();
            assertThat(page.getByRole(AriaRole.STATUS).first().textContent()).contains("You are enrolled");
            check(page, "author-06-learner-enrolled");
        }
    }

    private void search(Page page, String words) {
        page.navigate(url("/courses"));
        page.getByLabel("Search courses").fill(words);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Search"))
                .click();
        page.waitForURL(Pattern.compile(".*q=.*"));
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
        if (lesson.startsWith("Cosa deve")) {
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
