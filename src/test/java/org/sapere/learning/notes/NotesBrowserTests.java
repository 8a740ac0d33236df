package org.sapere.learning.notes;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.nio.file.Files;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.sapere.course.CourseAuthoring;
import org.sapere.course.CourseOutline.LessonOutline;
import org.sapere.enrolment.Registrar;
import org.sapere.identity.IdentityDirectory;
import org.sapere.support.Browser;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Notes in Chromium on a phone-sized screen, axe-checked: a learner writes a note under a reading (saved by the
 * page's script without leaving it), edits it, bookmarks the lesson, writes another while offline (kept on the
 * device, sent when the connection is back), deletes one, and finds the rest on the notes page, which downloads as
 * Markdown.
 */
@Tag("browser")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class NotesBrowserTests {

    private static final String LEARNER = "learner045@learners.sapere.test";
    private static final String COURSE = "project-management-essentials";
    private static Browser browser;

    @LocalServerPort
    int port;

    @Autowired
    IdentityDirectory identity;

    @Autowired
    Registrar registrar;

    @Autowired
    CourseAuthoring courses;

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
    void aLearnerWritesNotesOnAReadingAndFindsThemOnTheNotesPage() throws Exception {
        var learner = identity.accountByEmail(LEARNER).orElseThrow();
        var course = courses.outlineBySlug(COURSE).orElseThrow();
        registrar.enrol(learner, course.id());
        LessonOutline lesson = course.lessons()
                .filter(l -> l.kind().value().equals("reading"))
                .skip(1)
                .findFirst()
                .orElseThrow();
        var lessonPath = "/learn/courses/" + COURSE + "/lessons/" + lesson.id();

        try (var context = browser.context(360, "en-GB")) {
            var page = context.newPage();
            signIn(page);
            page.navigate(url(lessonPath));
            var panel = page.locator("#notes");
            assertThat(panel.getByRole(AriaRole.HEADING).first().textContent()).isEqualTo("Your notes");
            assertThat(panel.textContent()).contains("You have no notes on this lesson yet.");
            check(page, "notes-01-lesson-empty-360");

            // A note with a line break and some markup, saved by the script: the page stays, the note appears.
            page.getByLabel("New note").fill("SMART objectives:\nspecific, measurable, <em>achievable</em>.");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save note"))
                    .click();
            var first = panel.locator(".note-list > .note").first();
            first.locator("[data-note-actions]").waitFor();
            assertThat(page.url()).isEqualTo(url(lessonPath));
            assertThat(page.locator("#note-status").textContent()).isEqualTo("Note saved.");
            assertThat(first.locator(".note-body").innerText())
                    .isEqualTo("SMART objectives:\nspecific, measurable, <em>achievable</em>.");
            assertThat(page.getByLabel("New note").inputValue()).isEmpty();
            check(page, "notes-02-saved-360");

            // Edited in place, and still there (once) after a reload.
            first.getByText("Edit").click();
            assertThat(first.locator("time").textContent()).matches("\\d{1,2} [A-Z][a-z]{2} \\d{4}");
            check(page, "notes-02-editing-360");
            first.getByLabel("Change your note").fill("SMART: specific, measurable, achievable, relevant, timed.");
            first.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Save changes"))
                    .click();
            page.waitForFunction("() => document.querySelector('#note-status').textContent === 'Note updated.'");
            page.reload();
            assertThat(panel.locator(".note-list > .note").count()).isEqualTo(1);
            assertThat(panel.locator(".note-body").first().textContent())
                    .isEqualTo("SMART: specific, measurable, achievable, relevant, timed.");

            // The bookmark is a toggle button.
            var bookmark = page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Bookmark this lesson"));
            assertThat(bookmark.getAttribute("aria-pressed")).isEqualTo("false");
            bookmark.click();
            page.waitForLoadState();
            assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Bookmark this lesson"))
                            .getAttribute("aria-pressed"))
                    .isEqualTo("true");

            // Offline: the note is kept on the device, and sent when the connection is back.
            context.setOffline(true);
            page.getByLabel("New note").fill("Written on the train.");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save note"))
                    .click();
            var offline = panel.locator(".note-list > .note").first();
            assertThat(offline.locator("[data-note-pending]").textContent())
                    .isEqualTo("Saved on this device; it will sync when you are back online.");
            assertThat((String) page.evaluate("() => localStorage.getItem('sapere.notes.queue')"))
                    .contains("Written on the train.");
            check(page, "notes-03-offline-360");
            context.setOffline(false);
            page.evaluate("() => window.dispatchEvent(new Event('online'))");
            offline.locator("[data-note-pending]")
                    .waitFor(new Locator.WaitForOptions()
                            .setState(com.microsoft.playwright.options.WaitForSelectorState.HIDDEN));
            assertThat((String) page.evaluate("() => localStorage.getItem('sapere.notes.queue')"))
                    .isEqualTo("{}");
            assertThat(notes(learner.value(), "Written on the train.")).isEqualTo(1);

            // A third note, deleted again (after a confirmation).
            page.getByLabel("New note").fill("A note to throw away.");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save note"))
                    .click();
            page.waitForFunction("() => document.querySelector('#note-status').textContent === 'Note saved.'");
            page.onceDialog(dialog -> dialog.accept());
            panel.locator(".note-list > .note")
                    .first()
                    .getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Delete"))
                    .click();
            page.waitForLoadState();
            assertThat(page.locator(".notice").first().textContent()).contains("Note deleted.");
            assertThat(panel.locator(".note-list > .note").count()).isEqualTo(2);
            check(page, "notes-04-lesson-360");

            // The notes page, reached from the panel.
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("All your notes"))
                    .click();
            page.waitForURL(url("/learn/notes"));
            var main = page.locator("main");
            assertThat(main.locator("h2").first().textContent()).isEqualTo("Project Management Essentials");
            assertThat(main.getByRole(
                                    AriaRole.LINK,
                                    new Locator.GetByRoleOptions()
                                            .setName(lesson.title().original()))
                            .first()
                            .getAttribute("href"))
                    .isEqualTo(lessonPath);
            assertThat(main.textContent())
                    .contains("SMART: specific, measurable", "Written on the train.")
                    .doesNotContain("A note to throw away.");
            assertThat(main.locator(".bookmark-list").textContent())
                    .contains(lesson.title().original());
            check(page, "notes-05-page-360");

            var download = page.waitForDownload(
                    () -> page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Download as Markdown"))
                            .click());
            var markdown = Files.readString(download.path());
            assertThat(markdown)
                    .startsWith("# Notes from Sapere")
                    .contains(
                            "## Project Management Essentials",
                            "### " + lesson.title().original())
                    .contains("Written on the train.");

            page.setViewportSize(1280, 900);
            check(page, "notes-06-page-1280");
            page.navigate(url(lessonPath));
            check(page, "notes-07-lesson-1280");

            // "My learning" links to the notes page.
            page.navigate(url("/learn"));
            page.setViewportSize(360, 800);
            check(page, "notes-09-dashboard-360");
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("My notes and bookmarks"))
                    .click();
            page.waitForURL(url("/learn/notes"));
        }
    }

    private long notes(java.util.UUID account, String body) {
        return jdbc.sql("SELECT count(*) FROM learning.note WHERE account_id = :a AND body = :b")
                .param("a", account)
                .param("b", body)
                .query(Long.class)
                .single();
    }

    private void signIn(Page page) {
        page.navigate(url("/login"));
        page.getByLabel("E-mail address").fill(LEARNER);
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
