package org.sapere.video;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.time.Duration;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.sapere.course.CourseId;
import org.sapere.course.domain.CourseEditor;
import org.sapere.enrolment.Registrar;
import org.sapere.identity.IdentityDirectory;
import org.sapere.support.Browser;
import org.sapere.support.TestVideos;
import org.sapere.support.WebSession;
import org.sapere.video.domain.VideoAssets;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A note at a moment of a lesson's video, in Chromium at 360 px: the note keeps the video's time when the learner
 * started writing, its "at 0:05" link seeks the video on the same page, and the lesson's address with "?t=" starts
 * the video there. (The learning module's notes; here because the video fixtures are.)
 */
@Tag("browser")
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"sapere.video.preset=ultrafast", "sapere.jobs.poll-interval=200ms"})
class VideoNotesBrowserTests {

    private static final String LEARNER = "learner044@learners.sapere.test";
    private static Browser browser;

    @LocalServerPort
    int port;

    @Autowired
    CourseEditor editor;

    @Autowired
    IdentityDirectory identity;

    @Autowired
    VideoAssets assets;

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
    void aNoteKeepsTheVideosTimeAndItsLinkPlaysFromThere() throws Exception {
        TestVideos.requireFfmpeg();
        var fixtures = new VideoFixtures(editor, identity, assets);
        var lesson = fixtures.courseWithVideoLesson("Notes on a timeline");
        var professor = new WebSession(port).signIn(VideoFixtures.PROFESSOR);
        var asset = VideoFixtures.upload(professor, lesson, TestVideos.clip(640, 360, 12));
        assertThat(fixtures.awaitProcessed(asset, Duration.ofMinutes(3)).ready())
                .isTrue();
        var slug = fixtures.publish(lesson.course());
        var learner = identity.accountByEmail(LEARNER).orElseThrow();
        registrar.enrol(learner, new CourseId(lesson.course()));
        var lessonPath = "/learn/courses/" + slug + "/lessons/" + lesson.lesson();

        try (var context = browser.context(360, "en-GB")) {
            var page = context.newPage();
            signIn(page);
            page.navigate(url(lessonPath));
            page.waitForFunction("() => document.querySelector('video').readyState >= 1", null, timeout(30_000));
            seekTo(page, 5);

            var atTime = page.getByLabel("at the current video time");
            assertThat(atTime.isVisible()).isTrue();
            assertThat(atTime.isChecked()).isTrue();
            page.getByLabel("New note").fill("The critical path is the longest chain.");
            seekTo(page, 9); // the note is about the moment the learner started writing
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save note"))
                    .click();
            page.waitForFunction(
                    "() => document.querySelector('#note-status').textContent === 'Note saved.'",
                    null,
                    timeout(10_000));
            var link = page.locator("#notes .note-time").first();
            assertThat(link.textContent()).startsWith("at 0:05");
            assertThat(link.getAttribute("href")).isEqualTo(lessonPath + "?t=5");
            // The next note would be about the video's time now.
            assertThat(page.locator("[data-note-now]").textContent()).isEqualTo("(0:09)");
            var second = jdbc.sql("SELECT video_second FROM learning.note WHERE account_id = :a")
                    .param("a", learner.value())
                    .query(java.math.BigDecimal.class)
                    .single();
            assertThat(second.doubleValue()).isCloseTo(5.0, Offset.offset(0.5));
            check(page, "notes-08-video-note-360");

            // On the same page the link seeks the video instead of loading the page again.
            link.click();
            page.waitForFunction(
                    "() => Math.abs(document.querySelector('video').currentTime - 5) < 0.5", null, timeout(10_000));
            assertThat(page.url()).isEqualTo(url(lessonPath));

            // From elsewhere (the notes page), the address starts the video at the note's time.
            page.navigate(url("/learn/notes"));
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("at 0:05"))
                    .click();
            page.waitForURL(url(lessonPath + "?t=5"));
            page.waitForFunction("() => document.querySelector('video').readyState >= 1", null, timeout(30_000));
            page.waitForFunction(
                    "() => Math.abs(document.querySelector('video').currentTime - 5) < 1", null, timeout(10_000));
        }
    }

    private static void seekTo(Page page, double seconds) {
        page.evaluate("s => { document.querySelector('video').currentTime = s; }", seconds);
        page.waitForFunction(
                "s => Math.abs(document.querySelector('video').currentTime - s) < 0.2", seconds, timeout(10_000));
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

    private static Page.WaitForFunctionOptions timeout(double millis) {
        return new Page.WaitForFunctionOptions().setTimeout(millis);
    }
}
