package org.sapere;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import jakarta.json.Json;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.sapere.assessment.bank.ItemBank;
import org.sapere.assessment.quiz.QuizStore;
import org.sapere.course.domain.CourseEditor;
import org.sapere.identity.IdentityDirectory;
import org.sapere.identity.domain.TwoFactor;
import org.sapere.support.Browser;
import org.sapere.support.Mailbox;
import org.sapere.support.PlatformAdmin;
import org.sapere.video.domain.VideoAssets;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Journey J1, the acceptance test, in Chromium with every page axe-checked: a new learner registers,
 * confirms the address from a real mail, finds a short course in the catalogue, enrols, watches its video (leaving
 * midway and continuing at that second), passes its graded quiz, receives the certificate mail, downloads the PDF
 * and the Open Badge from "My credentials"; a visitor verifies it; an admin revokes it, and the visitor sees so.
 */
@Tag("browser")
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"sapere.video.preset=ultrafast", "sapere.jobs.poll-interval=200ms"})
class J1JourneyBrowserTests {

    static final String TITLE = "Risk Management in Practice: A Short Course";
    static final String NAME = "Łukasz Żółć-Ørsted";
    static final String PASSWORD = "violet lantern harbour seventeen";
    static final Pattern CONFIRM = Pattern.compile("(http://localhost:\\d+/[a-z-]+\\?token=[A-Za-z0-9_-]+)");
    static final Pattern VERIFY = Pattern.compile("(http://localhost:\\d+/verify/[0-9a-f-]{36})");

    /** The quiz: each question's stem, its right answer, then two wrong ones. */
    static final List<List<String>> QUESTIONS = List.of(
            List.of(
                    "Which document lists a project's risks with their likelihood and impact?",
                    "A risk register",
                    "A Gantt chart",
                    "A project charter"),
            List.of(
                    "What does the owner of a risk do?",
                    "Watches the risk and acts when it occurs",
                    "Pays for the damage",
                    "Writes the final report"));

    static final Mailbox mail = Mailbox.start();
    private static Browser browser;
    private static ShortCourse course;

    @LocalServerPort
    int port;

    @Autowired
    CourseEditor editor;

    @Autowired
    IdentityDirectory identity;

    @Autowired
    VideoAssets assets;

    @Autowired
    ItemBank bank;

    @Autowired
    QuizStore quizzes;

    @Autowired
    TwoFactor twoFactor;

    @Autowired
    JdbcClient jdbc;

    @DynamicPropertySource
    static void smtp(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.host", mail::host);
        registry.add("spring.mail.port", mail::port);
    }

    @BeforeAll
    static void start() {
        browser = new Browser();
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.close();
        }
        mail.close();
    }

    @Test
    void onAPhone() throws Exception {
        journey(360, "j1-360");
    }

    @Test
    void onADesktop() throws Exception {
        journey(1280, "j1-1280");
    }

    void journey(int width, String shots) throws Exception {
        var course = course();
        var email = "lukasz.orsted." + UUID.randomUUID().toString().substring(0, 8) + "@example.net";
        var learnerContext = browser.context(width, "en-GB");
        var visitorContext = browser.context(width, "en-GB");
        try (learnerContext;
                visitorContext) {
            var page = learnerContext.newPage();
            // 1-2. Registers and confirms the address from the mail.
            page.navigate(url("/register"));
            check(page, shots + "-01-register");
            page.getByLabel("Your name").fill(NAME);
            page.getByLabel("E-mail address").fill(email);
            page.getByLabel("Password").fill(PASSWORD);
            button(page, "Create account").click();
            assertThat(page.locator("h1").textContent()).isEqualTo("Check your inbox");
            check(page, shots + "-02-check-mail");
            page.navigate(mail.link(email, "Confirm your e-mail address", CONFIRM, Duration.ofSeconds(30)));
            assertThat(page.locator("h1").textContent()).isEqualTo("Your address is confirmed");
            check(page, shots + "-03-confirmed");
            signIn(page, email, PASSWORD);

            // 3-4. Finds the course in the catalogue and enrols.
            findInCatalogue(page, "risk management practice");
            check(page, shots + "-04-catalogue");
            page.locator("main")
                    .getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName(TITLE))
                    .first()
                    .click();
            page.waitForURL(url("/courses/" + course.slug()));
            check(page, shots + "-05-course");
            // Enrolling leads into the course's first lesson: the video.
            var player = url("/learn/courses/" + course.slug() + "/lessons/" + course.video());
            button(page, "Enrol for free").click();
            page.waitForURL(player);
            assertThat(page.locator(".notice").first().textContent()).contains("You are enrolled");
            check(page, shots + "-06-player-enrolled");

            // 5. Watches the video, leaves midway, continues at that second from "My learning", watches it through.
            play(page, "() => document.querySelector('video').currentTime >= 7");
            var leftAt = ((Number) page.locator("video").evaluate("v => { v.pause(); return v.currentTime; }"))
                    .doubleValue();
            check(page, shots + "-07-player");
            page.navigate(url("/learn"));
            awaitResumePoint(page);
            assertThat(page.locator(".continue-card").textContent())
                    .contains("Watch: " + TITLE, "resume at 0:0" + (int) Math.floor(leftAt));
            check(page, shots + "-08-my-learning");
            page.locator(".continue-card").getByRole(AriaRole.LINK).click();
            page.waitForURL(player);
            page.waitForFunction("() => document.querySelector('video').readyState >= 1");
            page.waitForFunction("() => document.querySelector('video').currentTime > 0");
            var at = ((Number) page.locator("video").evaluate("v => v.currentTime")).doubleValue();
            assertThat(at).isCloseTo(leftAt, org.assertj.core.data.Offset.offset(2.0));
            play(page, "() => document.querySelector('video').ended");
            page.locator("[data-watched-text]")
                    .getByText("You have watched this video")
                    .waitFor(new Locator.WaitForOptions().setTimeout(20_000));
            check(page, shots + "-09-video-watched");

            // 6. Passes the graded quiz.
            page.navigate(url("/learn/courses/" + course.slug() + "/lessons/" + course.quiz()));
            check(page, shots + "-10-quiz-intro");
            button(page, "Start the quiz").click();
            page.waitForURL(u -> u.contains("/learn/attempts/"));
            var attempt = page.url();
            for (var question : QUESTIONS) {
                page.locator("fieldset[data-position]", new Page.LocatorOptions().setHasText(question.get(0)))
                        .getByLabel(question.get(1))
                        .check();
            }
            page.locator("#quiz-status[data-state='saved']").waitFor(new Locator.WaitForOptions().setTimeout(10_000));
            check(page, shots + "-11-quiz");
            button(page, "Submit answers").click();
            page.waitForURL(attempt);
            assertThat(page.locator(".quiz-outcome").textContent()).contains("100%", "Passed");
            check(page, shots + "-12-quiz-passed");

            // 7. The certificate mail arrives; the credential is in "My credentials", linked from "My learning".
            var verifyLink =
                    mail.link(email, "Your certificate for " + TITLE + " is ready", VERIFY, Duration.ofSeconds(60));
            var id = verifyLink.substring(verifyLink.lastIndexOf('/') + 1);
            page.navigate(url("/learn"));
            page.getByRole(
                            AriaRole.LINK,
                            new Page.GetByRoleOptions()
                                    .setName("My credentials")
                                    .setExact(true))
                    .click();
            page.waitForURL(url("/credentials"));
            var card = page.locator("#credential-" + id);
            assertThat(card.textContent()).contains(TITLE, "Politecnico");
            check(page, shots + "-13-wallet");

            // 8. Downloads the Open Badge and the certificate.
            assertOpenBadge(download(card, "Open Badge (JSON)"));
            assertCertificate(download(card, "Certificate (PDF)"));

            // 9. A visitor, signed out, opens the link of the mail: a valid credential of Łukasz.
            var visitor = visitorContext.newPage();
            visitor.navigate(verifyLink);
            assertThat(visitor.locator("#verify-status").textContent()).contains("Valid credential");
            assertThat(visitor.locator(".verify-holder").textContent()).isEqualTo(NAME);
            check(visitor, shots + "-14-verify-valid");

            // 10. The platform admin revokes it, with a reason.
            var reason = "Awarded by mistake: the quiz was taken by someone else (" + shots + ").";
            try (var adminContext = browser.context(width, "en-GB")) {
                var admin = adminContext.newPage();
                PlatformAdmin.signIn(admin, url(""), jdbc, twoFactor);
                admin.navigate(url("/admin/credentials"));
                admin.getByLabel("Holder, course or credential id").fill(NAME);
                admin.locator(".admin-credentials form[role=search]")
                        .getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Find"))
                        .click();
                var row = admin.locator(".admin-credential-list li", new Page.LocatorOptions().setHasText(id));
                assertThat(row.textContent()).contains(NAME, TITLE);
                check(admin, shots + "-15-admin-credentials");
                row.getByLabel("Reason for revoking").fill(reason);
                row.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Revoke"))
                        .click();
                admin.waitForURL(u -> u.contains("/admin/credentials?q=" + id));
                assertThat(admin.locator(".admin-credential-list").textContent())
                        .contains("Revoked", reason);
                check(admin, shots + "-16-admin-revoked");
            }

            // 11. The visitor reloads: revoked, with the reason.
            visitor.reload();
            assertThat(visitor.locator("#verify-status").textContent()).contains("Revoked credential");
            assertThat(visitor.locator(".verify-result").textContent()).contains(reason);
            check(visitor, shots + "-17-verify-revoked");
        }
    }

    /** Searches the catalogue until the course is listed (the search index follows publishing shortly). */
    private void findInCatalogue(Page page, String words) throws InterruptedException {
        var deadline = System.currentTimeMillis() + 20_000;
        page.navigate(url("/courses"));
        do {
            page.getByLabel("Search courses").fill(words);
            page.locator("#catalog-search")
                    .getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Search"))
                    .click();
            page.waitForLoadState();
            if (page.locator("main").textContent().contains(TITLE)) {
                return;
            }
            Thread.sleep(500);
        } while (System.currentTimeMillis() < deadline);
        throw new AssertionError("\"" + words + "\" does not find " + TITLE);
    }

    /** Plays the video muted at double speed (what the server accepts as watched) until {@code until} holds. */
    private static void play(Page page, String until) {
        page.waitForFunction(
                "() => document.querySelector('video').readyState >= 1",
                null,
                new Page.WaitForFunctionOptions().setTimeout(30_000));
        page.locator("video").evaluate("v => { v.muted = true; v.playbackRate = 2; return v.play(); }");
        page.waitForFunction(until, null, new Page.WaitForFunctionOptions().setTimeout(60_000));
    }

    /** "My learning" shows the resume point once the player's last report is in. */
    private static void awaitResumePoint(Page page) throws InterruptedException {
        var deadline = System.currentTimeMillis() + 15_000;
        while (page.locator("[data-resume-at]").count() == 0 && System.currentTimeMillis() < deadline) {
            Thread.sleep(300);
            page.reload();
        }
    }

    private static byte[] download(Locator card, String link) throws Exception {
        var download = card.page()
                .waitForDownload(() -> card.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName(link))
                        .click());
        assertThat(download.failure()).as(link).isNull();
        return Files.readAllBytes(download.path());
    }

    private static void assertOpenBadge(byte[] bytes) {
        var json = Json.createReader(new StringReader(new String(bytes, StandardCharsets.UTF_8)))
                .readObject();
        assertThat(json.getJsonArray("type").toString()).contains("\"OpenBadgeCredential\"");
        assertThat(json.getJsonArray("proof").getJsonObject(0).getString("cryptosuite"))
                .isEqualTo("eddsa-rdfc-2022");
        assertThat(json.getJsonObject("credentialSubject")
                        .getJsonObject("achievement")
                        .getString("name"))
                .isEqualTo(TITLE);
    }

    private static void assertCertificate(byte[] bytes) throws Exception {
        assertThat(new String(bytes, 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        try (var pdf = Loader.loadPDF(bytes)) {
            var text = new PDFTextStripper().getText(pdf);
            assertThat(text.lines().map(String::strip)).as(text).contains(NAME);
        }
    }

    /** The course of the journey, made once for both runs. */
    private ShortCourse course() throws Exception {
        if (course == null) {
            course = ShortCourse.publish(TITLE, QUESTIONS, port, editor, identity, assets, bank, quizzes);
        }
        return course;
    }

    private void signIn(Page page, String email, String password) {
        page.navigate(url("/login"));
        page.getByLabel("E-mail address").fill(email);
        page.getByLabel("Password").fill(password);
        page.getByRole(
                        AriaRole.BUTTON,
                        new Page.GetByRoleOptions().setName("Sign in").setExact(true))
                .click();
        page.waitForURL(url("/"));
    }

    private static Locator button(Page page, String name) {
        return page.getByRole(
                AriaRole.BUTTON, new Page.GetByRoleOptions().setName(name).setExact(true));
    }

    private static void check(Page page, String screenshot) {
        Browser.check(page, screenshot);
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
