package org.sapere.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.sapere.identity.domain.TwoFactor;
import org.sapere.support.Browser;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Two-step sign-in in a real browser: a learner turns it on; the admin signs in with a code and reads the log. */
@Tag("browser")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class AdminBrowserTests {

    private static Browser browser;

    @LocalServerPort
    int port;

    @Autowired
    TwoFactor twoFactor;

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
    void aLearnerTurnsOnTwoStepSignIn() {
        try (var context = browser.context(360, "en-GB")) {
            var page = context.newPage();
            signIn(page, "learner026@learners.sapere.test");
            page.waitForURL(url("/"));
            page.navigate(url("/account"));
            check(page, "admin-01-account");
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Set up or change two-step sign-in"))
                    .click();
            check(page, "admin-02-two-factor-setup");
            var secret = page.locator("code.secret").textContent().replace(" ", "");
            page.getByLabel("Six-digit code").fill(twoFactor.currentCode(secret));
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Turn on two-step sign-in"))
                    .click();
            page.waitForURL(url("/account"));
            assertThat(page.getByRole(AriaRole.STATUS).textContent()).contains("Two-step sign-in is on");
        }
    }

    @Test
    void theAdminSignsInWithACodeAndReadsTheSecurityLog() {
        try (var context = browser.context(1280, "en-GB")) {
            var page = context.newPage();
            signIn(page, "admin@sapere.example");
            page.waitForURL(url("/login/two-factor"));
            check(page, "admin-03-code");
            jdbc.sql("UPDATE identity.account SET totp_last_step = 0 WHERE email = 'admin@sapere.example'")
                    .update();
            var secret = jdbc.sql("SELECT totp_secret FROM identity.account WHERE email = 'admin@sapere.example'")
                    .query(String.class)
                    .single();
            page.getByLabel("Six-digit code").fill(twoFactor.currentCode(secret));
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Continue"))
                    .click();
            page.waitForURL(url("/"));
            page.navigate(url("/admin/audit?q=admin%40sapere.example"));
            check(page, "admin-04-audit");
            assertThat(page.locator("table.audit").textContent()).contains("SIGN_IN_PASSWORD_OK", "TWO_FACTOR_OK");
            page.navigate(url("/admin/mail"));
            check(page, "admin-05-mailbox");
        }
    }

    @Test
    void theAdminEditsAUniversitysProfileAndLogo() throws Exception {
        try (var context = browser.context(1280, "en-GB")) {
            var page = context.newPage();
            signIn(page, "admin@sapere.example");
            page.waitForURL(url("/login/two-factor"));
            jdbc.sql("UPDATE identity.account SET totp_last_step = 0 WHERE email = 'admin@sapere.example'")
                    .update();
            var secret = jdbc.sql("SELECT totp_secret FROM identity.account WHERE email = 'admin@sapere.example'")
                    .query(String.class)
                    .single();
            page.getByLabel("Six-digit code").fill(twoFactor.currentCode(secret));
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Continue"))
                    .click();
            page.waitForURL(url("/"));
            page.navigate(url("/admin/organisations/chalmers"));
            check(page, "admin-06-university");

            page.getByLabel("Brand colour").fill("not a colour");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save the profile"))
                    .click();
            assertThat(page.locator("#brandColour-error").textContent()).contains("six hexadecimal digits");
            check(page, "admin-07-university-error");
            page.getByLabel("Brand colour").fill("#0b2a4a");
            page.getByLabel("E-mail domains of alumni").fill("alumni.chalmers.example, chalmersalumni.example");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save the profile"))
                    .click();
            assertThat(page.getByRole(AriaRole.STATUS).first().textContent()).contains("profile has been saved");

            var logo = java.nio.file.Files.createTempFile("chalmers-logo", ".png");
            var image = new java.awt.image.BufferedImage(600, 200, java.awt.image.BufferedImage.TYPE_INT_RGB);
            var g = image.createGraphics();
            g.setColor(new java.awt.Color(0x0b, 0x2a, 0x4a));
            g.fillRect(0, 0, 600, 200);
            g.setColor(java.awt.Color.WHITE);
            g.setFont(new java.awt.Font(java.awt.Font.SANS_SERIF, java.awt.Font.BOLD, 90));
            g.drawString("CHALMERS", 40, 135);
            g.dispose();
            javax.imageio.ImageIO.write(image, "png", logo.toFile());
            page.getByLabel("Logo image").setInputFiles(logo);
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Upload the logo"))
                    .click();
            page.waitForSelector(".logo-preview img");
            assertThat((Boolean)
                            page.evaluate("() => document.querySelector('.logo-preview img').naturalWidth === 400"))
                    .isTrue();
            check(page, "admin-08-university-logo");
            page.setViewportSize(360, 800);
            check(page, "admin-09-university-phone");
        }
    }

    @Test
    void aLearnerAsksToConfirmAlumniStatus() {
        try (var context = browser.context(360, "en-GB")) {
            var page = context.newPage();
            signIn(page, "learner004@learners.sapere.test");
            page.waitForURL(url("/"));
            page.navigate(url("/account"));
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Confirm alumni status"))
                    .click();
            check(page, "alumni-01-page");
            page.getByLabel("University").selectOption("ethz");
            page.getByLabel("Your alumni e-mail address").fill("l4@gmail.example");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send the confirmation link"))
                    .click();
            assertThat(page.locator("#alumni-email-error").textContent()).contains("not at the alumni domain");
            check(page, "alumni-02-wrong-domain");
            page.getByLabel("Your alumni e-mail address").fill("l4@alumni.ethz.example");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send the confirmation link"))
                    .click();
            assertThat(page.getByRole(AriaRole.STATUS).first().textContent()).contains("We sent a link");
        }
    }

    private void signIn(Page page, String email) {
        page.navigate(url("/login"));
        page.getByLabel("E-mail address").fill(email);
        page.getByLabel("Password").fill("sapere-demo-2026");
        page.getByRole(
                        AriaRole.BUTTON,
                        new Page.GetByRoleOptions().setName("Sign in").setExact(true))
                .click();
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
