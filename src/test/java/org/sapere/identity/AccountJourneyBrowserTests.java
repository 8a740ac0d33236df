package org.sapere.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.sapere.support.Browser;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Accounts in a real browser with a real SMTP server (GreenMail): register, receive the mail, follow its link,
 * sign in; forget a password, receive the reset mail, choose a new one, sign in with it. Every page passes axe.
 */
@Tag("browser")
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.mail.host=127.0.0.1", "spring.mail.port=3025"})
class AccountJourneyBrowserTests {

    private static final Pattern LINK = Pattern.compile("(http://localhost:\\d+/[a-z-]+\\?token=[A-Za-z0-9_-]+)");

    @RegisterExtension
    static GreenMailExtension mail = new GreenMailExtension(ServerSetupTest.SMTP);

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
    void registerConfirmTheAddressAndSignIn() {
        try (var context = browser.context(360, "en-GB")) {
            var page = context.newPage();
            page.navigate(url("/login"));
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Create an account"))
                    .click();
            page.waitForURL(url("/register"));
            check(page, "account-01-register");

            page.getByLabel("Your name").fill("Ada Lovelace");
            page.getByLabel("E-mail address").fill("ada.lovelace@example.net");
            page.getByLabel("Password").fill("password1234567");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create account"))
                    .click();
            // A guessable password is refused at the field, and the other fields keep what was typed.
            assertThat(page.locator("#password-error").textContent()).contains("too easy to guess");
            assertThat(page.getByLabel("E-mail address").inputValue()).isEqualTo("ada.lovelace@example.net");
            check(page, "account-02-register-error");

            page.getByLabel("Password").fill("violet lantern harbour seventeen");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create account"))
                    .click();
            assertThat(page.locator("h1").textContent()).isEqualTo("Check your inbox");
            check(page, "account-03-check-mail");

            // Signing in before confirming the address says what to do.
            signIn(page, "ada.lovelace@example.net", "violet lantern harbour seventeen");
            Browser.screenshot(page, "account-03b-unverified");
            assertThat(page.locator("#login-error").textContent()).contains("confirm your e-mail address");

            var link = linkInMail("ada.lovelace@example.net", "Confirm your e-mail address");
            page.navigate(link);
            assertThat(page.locator("h1").textContent()).isEqualTo("Your address is confirmed");
            check(page, "account-04-verified");

            // The link works once.
            page.navigate(link);
            assertThat(page.locator("h1").textContent()).isEqualTo("This link does not work");

            signIn(page, "ada.lovelace@example.net", "violet lantern harbour seventeen");
            page.waitForURL(url("/"));
            assertThat(page.locator("header").textContent()).contains("Sign out");
        }
    }

    @Test
    void resetAForgottenPassword() throws Exception {
        var email = "learner040@learners.sapere.test";
        try (var context = browser.context(1280, "en-GB")) {
            var page = context.newPage();
            page.navigate(url("/login"));
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Forgot your password?"))
                    .click();
            check(page, "account-05-forgot");
            page.getByLabel("E-mail address").fill(email);
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send the link"))
                    .click();
            assertThat(page.getByRole(AriaRole.STATUS).textContent()).contains("a link is on its way");

            page.navigate(linkInMail(email, "Reset your Sapere password"));
            check(page, "account-06-reset");
            page.getByLabel("New password").fill("too short");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save the new password"))
                    .click();
            assertThat(page.locator("#password-error").textContent()).contains("at least 15 characters");
            page.getByLabel("New password").fill("quiet meadow copper trumpet");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save the new password"))
                    .click();
            page.waitForURL(url("/login?reset"));
            check(page, "account-07-after-reset");

            signIn(page, email, "sapere-demo-2026");
            assertThat(page.locator("#login-error").textContent()).contains("not correct");
            signIn(page, email, "quiet meadow copper trumpet");
            page.waitForURL(url("/"));
        }
        // Asking for an address without an account gives the same answer and sends nothing.
        try (var context = browser.context(1280, "en-GB")) {
            var page = context.newPage();
            var before = mail.getReceivedMessages().length;
            page.navigate(url("/forgot-password"));
            page.getByLabel("E-mail address").fill("nobody@example.net");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send the link"))
                    .click();
            assertThat(page.getByRole(AriaRole.STATUS).textContent()).contains("a link is on its way");
            Thread.sleep(1000);
            assertThat(mail.getReceivedMessages()).hasSize(before);
        }
    }

    private void signIn(Page page, String email, String password) {
        page.navigate(url("/login"));
        page.getByLabel("E-mail address").fill(email);
        page.getByLabel("Password").fill(password);
        page.getByRole(
                        AriaRole.BUTTON,
                        new Page.GetByRoleOptions().setName("Sign in").setExact(true))
                .click();
        page.waitForLoadState();
    }

    private String linkInMail(String to, String subject) {
        assertThat(mail.waitForIncomingEmail(15_000, 1)).as("a mail arrives").isTrue();
        for (var message : mail.getReceivedMessages()) {
            try {
                if (message.getAllRecipients()[0].toString().equals(to)
                        && message.getSubject().startsWith(subject)) {
                    var matcher = LINK.matcher(String.valueOf(message.getContent()));
                    assertThat(matcher.find()).as("a link in the mail").isTrue();
                    return matcher.group(1);
                }
            } catch (jakarta.mail.MessagingException | java.io.IOException e) {
                throw new IllegalStateException(e);
            }
        }
        throw new AssertionError("No mail \"" + subject + "\" to " + to);
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
