package org.sapere.learning;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.sapere.course.CourseAuthoring;
import org.sapere.course.domain.CourseEditor;
import org.sapere.enrolment.Registrar;
import org.sapere.identity.IdentityDirectory;
import org.sapere.support.Browser;
import org.sapere.support.TestVideos;
import org.sapere.support.WebSession;
import org.sapere.video.VideoFixtures;
import org.sapere.video.domain.VideoAssets;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The learner's three journeys on a phone (360 px) in Chromium: leaving a video midway and finding "Continue" at
 * that second on another device; "I have 10 minutes" listing lessons that fit and playing them in order; and a
 * reading saved for offline, opened and marked complete with the network cut, counted once when back online.
 * Every page is checked with axe and for sideways scrolling, and screenshotted at 360 and 1280 px.
 */
@Tag("browser")
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"sapere.video.preset=ultrafast", "sapere.jobs.poll-interval=200ms"})
class LearningBrowserTests {

    private static Browser browser;

    @LocalServerPort
    int port;

    @Autowired
    CourseAuthoring courses;

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
    void leavingAVideoMidwayContinuesAtThatSecondOnAnotherDevice() throws Exception {
        TestVideos.requireFfmpeg();
        var fixtures = new VideoFixtures(editor, identity, assets);
        var lesson = fixtures.courseWithVideoLesson("Risk registers in practice");
        var rossi = new WebSession(port).signIn(VideoFixtures.PROFESSOR);
        var asset = VideoFixtures.upload(rossi, lesson, TestVideos.clip(640, 360, 30));
        assertThat(fixtures.awaitProcessed(asset, Duration.ofMinutes(3)).ready())
                .isTrue();
        var slug = fixtures.publish(lesson.course());
        var learner = "learner056@learners.sapere.test";
        registrar.enrol(
                identity.accountByEmail(learner).orElseThrow(),
                courses.outlineBySlug(slug).orElseThrow().id());
        var lessonPath = "/learn/courses/" + slug + "/lessons/" + lesson.lesson();

        try (var phone = browser.context(360, "en-GB")) {
            var page = phone.newPage();
            signIn(page, learner);
            page.navigate(url(lessonPath));
            page.locator("video").evaluate("v => { v.muted = true; v.play(); }");
            page.waitForFunction("() => document.querySelector('video').currentTime >= 7");
            page.locator("video").evaluate("v => v.pause()");
            var leftAt = ((Number) page.locator("video").evaluate("v => v.currentTime")).doubleValue();
            check(page, "learning-10-video-paused");
            // Leaves for "My learning" (the player reports where it was as the page goes).
            page.navigate(url("/learn"));
            var deadline = Instant.now().plus(Duration.ofSeconds(15));
            while (page.locator("[data-resume-at]").count() == 0
                    && Instant.now().isBefore(deadline)) {
                Thread.sleep(300);
                page.reload();
            }
            assertThat(page.locator(".continue-card").textContent())
                    .contains("Watch: Risk registers in practice", "resume at 0:0" + (int) Math.floor(leftAt));
            check(page, "learning-11-continue");
            page.setViewportSize(1280, 900);
            check(page, "learning-11-continue-1280");
        }
        // Another device: a new browser, signed in afresh; one tap on Continue plays on from there.
        try (var other = browser.context(360, "en-GB")) {
            var page = other.newPage();
            signIn(page, learner);
            page.navigate(url("/learn"));
            assertThat(page.locator(".continue-card").textContent()).contains("Watch: Risk registers in practice");
            page.locator(".continue-card").getByRole(AriaRole.LINK).click();
            page.waitForURL(url(lessonPath));
            page.waitForFunction("() => document.querySelector('video').readyState >= 1");
            page.waitForFunction("() => document.querySelector('video').currentTime > 0");
            var at = ((Number) page.locator("video").evaluate("v => v.currentTime")).doubleValue();
            assertThat(at).isBetween(6.0, 9.5);
        }
    }

    @Test
    void iHaveTenMinutesListsLessonsThatFitAndPlaysThemInOrder() throws Exception {
        var learner = "learner057@learners.sapere.test";
        var course = courses.outlineBySlug("project-management-essentials").orElseThrow();
        registrar.enrol(identity.accountByEmail(learner).orElseThrow(), course.id());

        try (var phone = browser.context(360, "en-GB")) {
            var page = phone.newPage();
            signIn(page, learner);
            page.navigate(url("/learn"));
            check(page, "learning-20-dashboard");
            page.getByRole(
                            AriaRole.LINK,
                            new Page.GetByRoleOptions().setName("10 min").setExact(true))
                    .click();
            page.waitForURL(url("/learn/minutes?n=10"));
            var items = page.locator("[data-playlist] li");
            assertThat(items.count()).isPositive();
            var minutes = 0;
            var listed = new ArrayList<UUID>();
            for (int i = 0; i < items.count(); i++) {
                minutes += Integer.parseInt(items.nth(i).getAttribute("data-minutes"));
                var href = items.nth(i).locator("a").getAttribute("href");
                listed.add(UUID.fromString(href.replaceAll(".*/lessons/([0-9a-f-]{36}).*", "$1")));
            }
            assertThat(minutes).isBetween(1, 10);
            assertInCourseOrder(listed);
            check(page, "learning-21-ten-minutes");
            page.setViewportSize(1280, 900);
            check(page, "learning-21-ten-minutes-1280");
            page.setViewportSize(360, 900);

            // Plays through: each lesson of the list in turn, each marked complete (or skipped on) as the learner goes.
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Play the list"))
                    .click();
            for (int i = 0; i < listed.size(); i++) {
                page.waitForURL(u -> u.contains("/lessons/"));
                assertThat(page.url()).contains("/lessons/" + listed.get(i));
                assertThat(page.locator(".playlist-bar").textContent())
                        .contains("lesson " + (i + 1) + " of " + listed.size());
                if (i == 0) {
                    check(page, "learning-22-playing");
                }
                var complete = page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Mark as complete"));
                if (complete.count() > 0) {
                    complete.click();
                } else if (i < listed.size() - 1) {
                    page.locator(".lesson-nav")
                            .getByRole(
                                    AriaRole.LINK,
                                    new com.microsoft.playwright.Locator.GetByRoleOptions()
                                            .setName("Next in your list"))
                            .click();
                } else {
                    page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Finish the list"))
                            .click();
                }
            }
            page.waitForURL(url("/learn"));
            assertThat(page.locator(".notice").first().textContent()).contains("You finished your list");
        }
    }

    @Test
    void aReadingSavedForOfflineIsCompletedWithoutNetworkAndCountsOnce() throws Exception {
        var learner = "learner058@learners.sapere.test";
        var account = identity.accountByEmail(learner).orElseThrow();
        var course = courses.outlineBySlug("project-management-essentials").orElseThrow();
        registrar.enrol(account, course.id());
        // Readings the learner has not completed yet (generated learners have some demo progress).
        var readings = course.lessons()
                .filter(l -> l.kind().value().equals("reading"))
                .filter(l -> !"COMPLETED".equals(state(account.value(), l.id().value())))
                .toList();
        var doneBefore = course.lessons().count() - lessonsLeft(account.value(), course);
        var first = "/learn/courses/" + course.slug() + "/lessons/"
                + readings.get(0).id();
        var second = readings.get(1);
        var secondPath = "/learn/courses/" + course.slug() + "/lessons/" + second.id();

        try (var phone = browser.context(360, "en-GB")) {
            var page = phone.newPage();
            signIn(page, learner);
            page.navigate(url(first));
            // The service worker controls the page once it is active.
            page.evaluate("() => navigator.serviceWorker.ready");
            if ((Boolean) page.evaluate("() => navigator.serviceWorker.controller === null")) {
                page.reload();
            }
            page.waitForFunction("() => navigator.serviceWorker.controller !== null");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save for offline reading"))
                    .click();
            page.locator("[data-offline-status]")
                    .getByText("Saved on this device")
                    .waitFor();
            check(page, "learning-30-saved-for-offline");

            phone.setOffline(true);
            var response = page.navigate(url(secondPath));
            assertThat(response.fromServiceWorker()).isTrue();
            assertThat(page.evaluate("() => navigator.onLine")).isEqualTo(false);
            Browser.screenshot(page, "learning-31-offline-reading");
            assertThat(page.locator("h1").textContent()).contains(second.title().original());
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Mark as complete"))
                    .click();
            assertThat(page.locator("[data-offline-notice]").textContent()).contains("You are offline");
            check(page, "learning-31-completed-offline");
            assertThat(state(account.value(), second.id().value())).isNotEqualTo("COMPLETED");

            // Back online: the queue goes to the server in one batch, the page says so.
            var synced = page.waitForResponse(
                    r -> r.url().endsWith("/learn/heartbeats")
                            && r.request().postData().contains("\"completed\""),
                    () -> phone.setOffline(false));
            assertThat(synced.status()).isEqualTo(200);
            page.locator("[data-offline-notice]").getByText("Back online").waitFor();
            assertThat(state(account.value(), second.id().value())).isEqualTo("COMPLETED");
            // Once: one completion, one "completed" statement, however the queue was retried.
            page.reload();
            page.waitForTimeout(1500);
            assertThat(jdbc.sql("""
                            SELECT count(*) FROM lrs.statement
                            WHERE statement->'actor'->'account'->>'name' = :a AND verb_id LIKE '%/completed'
                              AND statement->'object'->>'id' LIKE :lesson""")
                            .param("a", account.value().toString())
                            .param("lesson", "%/lessons/" + second.id())
                            .query(Integer.class)
                            .single())
                    .isEqualTo(1);
            page.navigate(url("/learn"));
            assertThat(page.locator(".dashboard-list li")
                            .filter(new com.microsoft.playwright.Locator.FilterOptions()
                                    .setHasText(course.title().original()))
                            .locator(".progress-label")
                            .textContent())
                    .contains("(" + (doneBefore + 1) + " of " + course.lessonCount() + " lessons)");
        }
    }

    /** Lessons of one course come in course order, and each course's lessons together. */
    private void assertInCourseOrder(java.util.List<UUID> listed) {
        var seen = new java.util.ArrayList<UUID>();
        var last = new java.util.HashMap<UUID, Integer>();
        for (var id : listed) {
            var course =
                    courses.outlineOfLesson(new org.sapere.course.LessonId(id)).orElseThrow();
            var index = course.lessons().map(l -> l.id().value()).toList().indexOf(id);
            var courseId = course.id().value();
            if (!seen.isEmpty() && !seen.getLast().equals(courseId)) {
                assertThat(seen).as("each course's lessons together").doesNotContain(courseId);
            }
            assertThat(index).as("course order").isGreaterThan(last.getOrDefault(courseId, -1));
            last.put(courseId, index);
            seen.add(courseId);
        }
    }

    /** Lessons of the course the learner has not completed. */
    private long lessonsLeft(UUID learner, org.sapere.course.CourseOutline course) {
        return course.lessons()
                .filter(l -> !"COMPLETED".equals(state(learner, l.id().value())))
                .count();
    }

    private String state(UUID learner, UUID lesson) {
        return jdbc.sql("SELECT state FROM learning.lesson_progress WHERE account_id = :a AND lesson_id = :l")
                .param("a", learner)
                .param("l", lesson)
                .query(String.class)
                .optional()
                .orElse(null);
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
