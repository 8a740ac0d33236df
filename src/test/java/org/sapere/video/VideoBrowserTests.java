package org.sapere.video;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
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
import org.sapere.video.domain.VideoAssets;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A video lesson end to end in Chromium: a professor uploads a video through the page and watches it being
 * processed, adds captions and chapters; a learner plays it (time advances, captions and the transcript follow),
 * leaves, comes back within two seconds of where they were, finds that seeking to the end completes nothing, and
 * completes the lesson by watching it through at double speed.
 */
@Tag("browser")
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"sapere.video.preset=ultrafast", "sapere.jobs.poll-interval=200ms"})
class VideoBrowserTests {

    private static final String LEARNER = "learner009@learners.sapere.test";
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
    void aProfessorUploadsAVideoAndALearnerWatchesResumesAndCannotSkipToCompletion() throws Exception {
        TestVideos.requireFfmpeg();
        var fixtures = new VideoFixtures(editor, identity, assets);
        var lesson = fixtures.courseWithVideoLesson("Reading a Gantt chart");
        var clip = TestVideos.clip(960, 540, 12);
        var lessonPath = "/teach/courses/" + lesson.course() + "/lessons/" + lesson.lesson();

        try (var context = browser.context(1280, "en-GB")) {
            var page = context.newPage();
            signIn(page, VideoFixtures.PROFESSOR);
            page.navigate(url(lessonPath));
            // The lesson's page in the course editor shows the video's state (loaded by htmx) and the way to it.
            page.locator("#video-status").waitFor();
            assertThat(page.locator("#video-status").textContent()).contains("No video yet");
            check(page, "video-00-lesson-editor");
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Upload and manage the video"))
                    .click();
            page.waitForURL(url(lessonPath + "/video"));
            assertThat(page.locator("#video-status").textContent()).contains("No video yet");
            check(page, "video-01-author-empty");

            page.getByLabel("Choose a video file").setInputFiles(clip);
            page.getByRole(
                            AriaRole.BUTTON,
                            new Page.GetByRoleOptions().setName("Upload").setExact(true))
                    .click();
            page.locator("#video-status")
                    .getByText("Ready for learners")
                    .waitFor(new com.microsoft.playwright.Locator.WaitForOptions().setTimeout(180_000));
            assertThat(page.locator("[data-message]").textContent()).contains("Uploaded");
            assertThat(page.locator("#video-status").textContent()).contains("0:12", "360p, 540p");

            var captions = Files.createTempFile("captions", ".srt");
            Files.writeString(captions, """
                    1
                    00:00:00,000 --> 00:00:06,000
                    Welcome: this chart shows the project's tasks over time.

                    2
                    00:00:06,000 --> 00:00:12,000
                    Each bar is a task; its length is how long it takes, like a zeppelin's shadow.
                    """, StandardCharsets.UTF_8);
            page.locator("#caption-language").selectOption("en");
            page.getByLabel("Captions file").setInputFiles(captions);
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add captions"))
                    .click();
            assertThat(page.locator(".notice").first().textContent()).contains("Captions saved");
            page.getByLabel("Chapters, one per line").fill("0:00 The chart\n0:06 Reading a bar");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save the chapters"))
                    .click();
            assertThat(page.locator(".notice").first().textContent()).contains("Chapters saved");
            page.getByLabel("Public preview").check();
            page.getByRole(
                            AriaRole.BUTTON,
                            new Page.GetByRoleOptions().setName("Save").setExact(true))
                    .click();
            assertThat(page.locator(".notice").first().textContent()).contains("Settings saved");
            check(page, "video-02-author-ready");
            page.setViewportSize(360, 800);
            check(page, "video-02-author-ready-360");
        }
        var slug = fixtures.publish(lesson.course());
        // What is said in the video is found by the catalogue's search.
        try (var context = browser.context(1280, "en-GB")) {
            var page = context.newPage();
            var deadline = System.currentTimeMillis() + 15_000;
            do {
                page.navigate(url("/courses?q=zeppelin"));
            } while (!page.content().contains("Reading a Gantt chart") && System.currentTimeMillis() < deadline);
            assertThat(page.locator("main").textContent()).contains("Reading a Gantt chart");

            // A visitor watches the public preview on the course page, without an account.
            page.navigate(url("/courses/" + slug));
            assertThat(page.locator("#preview-title").textContent()).contains("Watch the introduction");
            page.waitForFunction("() => document.querySelector('video').readyState >= 1", null, timeout(30_000));
            page.evaluate("() => document.querySelector('video').play()");
            page.waitForFunction("() => document.querySelector('video').currentTime > 1", null, timeout(30_000));
            assertThat(page.locator("video").getAttribute("poster")).contains("/public/poster.jpg");
            check(page, "video-05-course-preview");
        }
        registrar.enrol(identity.accountByEmail(LEARNER).orElseThrow(), new CourseId(lesson.course()));

        try (var context = browser.context(1280, "en-GB")) {
            var page = context.newPage();
            signIn(page, LEARNER);
            var playerUrl = url("/learn/courses/" + slug + "/lessons/" + lesson.lesson());
            page.navigate(playerUrl);
            assertThat(page.locator("form[action$='/complete']").count())
                    .as("a video cannot be ticked off")
                    .isZero();
            var video = page.locator("video");
            video.waitFor();
            page.waitForFunction("() => document.querySelector('video').readyState >= 1", null, timeout(30_000));
            page.evaluate("() => document.querySelector('video').play()");
            page.waitForFunction("() => document.querySelector('video').currentTime > 3.5", null, timeout(30_000));

            // Captions show, and the transcript follows the video.
            page.waitForFunction(
                    "() => { const t = document.querySelector('video').textTracks[0];"
                            + " return t && t.mode === 'showing' && t.activeCues && t.activeCues.length > 0; }",
                    null,
                    timeout(30_000));
            assertThat(page.locator(".cue.current").textContent()).contains("Welcome");
            assertThat(page.locator(".video-chapters").textContent()).contains("0:06", "Reading a bar");
            page.evaluate("() => document.querySelector('video').pause()");
            var left = ((Number) page.evaluate("() => document.querySelector('video').currentTime")).doubleValue();
            check(page, "video-03-player");
            page.waitForTimeout(1500);

            // Leave, come back: the video resumes where it was.
            page.navigate(url("/learn"));
            page.navigate(playerUrl);
            page.waitForFunction("() => document.querySelector('video').readyState >= 1", null, timeout(30_000));
            page.waitForFunction("() => document.querySelector('video').currentTime > 0", null, timeout(30_000));
            var resumed = ((Number) page.evaluate("() => document.querySelector('video').currentTime")).doubleValue();
            assertThat(resumed).isCloseTo(left, org.assertj.core.data.Offset.offset(2.0));

            // The keyboard works on the video: K plays and pauses, the right arrow goes 5 s ahead.
            page.locator("video").focus();
            page.keyboard().press("k");
            page.waitForFunction("() => !document.querySelector('video').paused", null, timeout(10_000));
            page.keyboard().press("k");
            page.waitForFunction("() => document.querySelector('video').paused", null, timeout(10_000));
            var before = ((Number) page.evaluate("() => document.querySelector('video').currentTime")).doubleValue();
            page.keyboard().press("ArrowRight");
            page.waitForFunction("t => document.querySelector('video').currentTime >= t + 4", before, timeout(10_000));

            // Seeking to the end and playing the last second completes nothing.
            page.evaluate("() => { const v = document.querySelector('video'); v.currentTime = v.duration - 1;"
                    + " return v.play(); }");
            page.waitForFunction("() => document.querySelector('video').ended", null, timeout(30_000));
            page.waitForTimeout(1500);
            page.reload();
            var watched = page.locator("[data-watched-text]").textContent();
            assertThat(watched).contains("Watched").doesNotContain("You have watched");
            assertThat(page.locator(".player-outline").textContent()).contains("0 of 1");

            // Watching it through (at double speed) completes the lesson.
            page.waitForFunction("() => document.querySelector('video').readyState >= 1", null, timeout(30_000));
            page.evaluate("() => { const v = document.querySelector('video'); v.currentTime = 0;"
                    + " v.playbackRate = 2; return v.play(); }");
            page.waitForFunction("() => document.querySelector('video').ended", null, timeout(60_000));
            page.locator("[data-watched-text]")
                    .getByText("You have watched this video")
                    .waitFor(new com.microsoft.playwright.Locator.WaitForOptions().setTimeout(15_000));
            var deadline = System.currentTimeMillis() + 15_000;
            while (!page.locator(".player-outline").textContent().contains("1 of 1")
                    && System.currentTimeMillis() < deadline) {
                page.waitForTimeout(500);
                page.reload();
            }
            assertThat(page.locator(".player-outline").textContent()).contains("1 of 1");
            page.setViewportSize(360, 800);
            check(page, "video-04-player-360");
        }
    }

    private static Page.WaitForFunctionOptions timeout(double millis) {
        return new Page.WaitForFunctionOptions().setTimeout(millis);
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
