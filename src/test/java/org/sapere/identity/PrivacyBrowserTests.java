package org.sapere.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.nio.file.Files;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.sapere.support.Browser;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.json.JsonMapper;

/**
 * The person's own data in a real browser: "Download my data" saves a JSON file holding their account, enrolments
 * and progress; "Delete my account" refuses a wrong password without changing anything, then erases the account
 * after the right one, signs the person out, and the old password no longer signs in.
 */
@Tag("browser")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class PrivacyBrowserTests {

    private static final String PASSWORD = "sapere-demo-2026";

    private static Browser browser;

    @LocalServerPort
    int port;

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
    void downloadMyData() throws Exception {
        var email = "learner001@learners.sapere.test";
        try (var context = browser.context(1280, "en-GB")) {
            var page = context.newPage();
            signIn(page, email);
            page.navigate(url("/account"));
            check(page, "privacy-01-account");
            var download = page.waitForDownload(
                    () -> page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Download my data"))
                            .click());
            assertThat(download.suggestedFilename()).isEqualTo("sapere-my-data.json");
            var json = JsonMapper.builder().build().readTree(Files.readString(download.path()));
            assertThat(json.path("account").path("profile").path("email").asString())
                    .isEqualTo(email);
            assertThat(json.path("format").asString()).startsWith("Sapere personal data export");
            // The generated learner is enrolled in courses and has progress; both are in the file.
            assertThat(json.toString()).contains("enrol").contains("securityLog");
        }
    }

    @Test
    void deleteMyAccount() {
        var email = "learner002@learners.sapere.test";
        try (var context = browser.context(360, "en-GB")) {
            var page = context.newPage();
            signIn(page, email);
            page.navigate(url("/account"));

            page.getByLabel("Your password, to confirm").fill("not my password at all");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Delete my account for good"))
                    .click();
            assertThat(page.locator("h1").textContent()).isEqualTo("Your account was not deleted");
            check(page, "privacy-02-delete-refused");
            assertThat(accounts(email)).isEqualTo(1);

            page.navigate(url("/account"));
            page.getByLabel("Your password, to confirm").fill(PASSWORD);
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Delete my account for good"))
                    .click();
            assertThat(page.locator("h1").textContent()).isEqualTo("Your account has been deleted");
            check(page, "privacy-03-deleted");
            assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Sign in"))
                            .count())
                    .isEqualTo(1);
            assertThat(accounts(email)).isZero();

            signIn(page, email);
            assertThat(page.locator("#login-error").textContent()).contains("not correct");
        }
    }

    private long accounts(String email) {
        return jdbc.sql("SELECT count(*) FROM identity.account WHERE lower(email) = lower(:email)")
                .param("email", email)
                .query(Long.class)
                .single();
    }

    private void signIn(Page page, String email) {
        page.navigate(url("/login"));
        page.getByLabel("E-mail address").fill(email);
        page.getByLabel("Password").fill(PASSWORD);
        page.getByRole(
                        AriaRole.BUTTON,
                        new Page.GetByRoleOptions().setName("Sign in").setExact(true))
                .click();
        page.waitForLoadState();
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
