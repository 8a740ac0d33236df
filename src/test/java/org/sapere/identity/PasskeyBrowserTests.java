package org.sapere.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.CDPSession;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.sapere.support.Browser;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Passkeys in a real browser: Chromium's virtual authenticator (DevTools protocol, WebAuthn domain) stands in for a
 * phone or a security key. A learner adds a passkey on their account page, signs out, signs in with it (no password
 * typed), removes it, and then the same authenticator is refused with a clear message.
 */
@Tag("browser")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class PasskeyBrowserTests {

    private static final String EMAIL = "learner022@learners.sapere.test";

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
    void addAPasskeySignInWithItAndRemoveIt() {
        try (var context = browser.context(1280, "en-GB")) {
            var page = context.newPage();
            var authenticator = virtualAuthenticator(context, page);

            signInWithPassword(page, EMAIL);
            page.navigate(url("/account"));
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Manage passkeys"))
                    .click();
            page.waitForURL(url("/account/passkeys"));
            assertThat(page.locator(".empty").textContent()).contains("no passkeys yet");
            check(page, "passkeys-01-none");

            page.getByLabel("Name of this passkey").fill("Work laptop");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add a passkey"))
                    .click();
            page.waitForSelector(".passkey");
            assertThat(page.locator(".notice").textContent()).contains("Your passkey has been added");
            assertThat(page.locator(".passkey h3").textContent()).isEqualTo("Work laptop");
            check(page, "passkeys-02-added");
            assertThat(credentials(authenticator)).isEqualTo(1);

            signOut(page);
            page.navigate(url("/login"));
            check(page, "passkeys-03-login");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in with a passkey"))
                    .click();
            page.waitForURL(url("/learn"));
            assertThat(page.locator(".user-name").textContent()).contains("Learner 22");
            assertThat(jdbc.sql("""
                    SELECT count(*) FROM identity.audit_event
                    WHERE action = 'SIGN_IN' AND detail = 'passkey' AND email = :email""").param("email", EMAIL).query(Long.class).single())
                    .isGreaterThanOrEqualTo(1);

            page.navigate(url("/account/passkeys"));
            remove(page, "Work laptop");
            page.waitForURL(url("/account/passkeys"));
            assertThat(page.locator(".notice").textContent()).contains("passkey has been removed");
            assertThat(page.locator(".passkey").count()).isZero();

            // The authenticator still holds the credential, but Sapere no longer knows it.
            signOut(page);
            page.navigate(url("/login"));
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in with a passkey"))
                    .click();
            page.waitForFunction(
                    "() => document.getElementById('passkey-sign-in-status').textContent.includes('not known')");
            assertThat(page.url()).startsWith(url("/login"));
            check(page, "passkeys-04-refused");
        }
    }

    @Test
    void thePasskeyPagesWorkOnAPhone() {
        try (var context = browser.context(360, "en-GB")) {
            var page = context.newPage();
            virtualAuthenticator(context, page);
            page.navigate(url("/login"));
            assertThat(page.locator("#passkey-sign-in").isVisible()).isTrue();
            check(page, "passkeys-05-login-phone");
            signInWithPassword(page, "learner023@learners.sapere.test");
            page.navigate(url("/account/passkeys"));
            page.getByLabel("Name of this passkey").fill("Phone");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add a passkey"))
                    .click();
            page.waitForSelector(".passkey");
            check(page, "passkeys-06-phone");
            remove(page, "Phone");
            page.waitForURL(url("/account/passkeys"));
        }
    }

    private static String virtualAuthenticator(BrowserContext context, Page page) {
        CDPSession cdp = context.newCDPSession(page);
        cdp.send("WebAuthn.enable");
        var options = new JsonObject();
        options.addProperty("protocol", "ctap2");
        options.addProperty("transport", "internal");
        options.addProperty("hasResidentKey", true);
        options.addProperty("hasUserVerification", true);
        options.addProperty("isUserVerified", true);
        options.addProperty("automaticPresenceSimulation", true);
        var params = new JsonObject();
        params.add("options", options);
        var id = cdp.send("WebAuthn.addVirtualAuthenticator", params)
                .get("authenticatorId")
                .getAsString();
        page.setExtraHTTPHeaders(java.util.Map.of("Accept-Language", "en-GB"));
        cdpSessions.put(id, cdp);
        return id;
    }

    private static final java.util.Map<String, CDPSession> cdpSessions = new java.util.concurrent.ConcurrentHashMap<>();

    private static int credentials(String authenticator) {
        var params = new JsonObject();
        params.addProperty("authenticatorId", authenticator);
        return cdpSessions
                .get(authenticator)
                .send("WebAuthn.getCredentials", params)
                .getAsJsonArray("credentials")
                .size();
    }

    private void signInWithPassword(Page page, String email) {
        page.navigate(url("/login"));
        page.getByLabel("E-mail address").fill(email);
        page.getByLabel("Password").fill("sapere-demo-2026");
        page.getByRole(
                        AriaRole.BUTTON,
                        new Page.GetByRoleOptions().setName("Sign in").setExact(true))
                .click();
        page.waitForURL(url("/"));
    }

    private static void remove(Page page, String label) {
        page.locator(".passkey")
                .filter(new com.microsoft.playwright.Locator.FilterOptions().setHasText(label))
                .getByRole(AriaRole.BUTTON, new com.microsoft.playwright.Locator.GetByRoleOptions().setName("Remove"))
                .click();
    }

    private void signOut(Page page) {
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign out"))
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
