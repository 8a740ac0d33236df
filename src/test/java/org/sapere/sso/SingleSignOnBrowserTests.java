package org.sapere.sso;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.sapere.identity.ExternalSignIn;
import org.sapere.identity.IdentityDirectory;
import org.sapere.identity.domain.TwoFactor;
import org.sapere.support.Browser;
import org.sapere.support.TestOpenIdProvider;
import org.sapere.support.TestOpenIdProvider.Person;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Single sign-on in a real browser against a real OpenID provider (Spring Authorization Server in its own context
 * and port): TU Delft's provider is set in properties; Chalmers' is set by the platform admin on the admin page.
 * A newcomer gets an account and later signs in by subject even with a new address; an existing confirmed account
 * is linked by address; TOTP still asks for the code; the provider's refusal lands on the sign-in page.
 */
@Tag("browser")
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "sapere.sso.allow-loopback-http=true")
class SingleSignOnBrowserTests {

    private static TestOpenIdProvider provider;
    private static Browser browser;

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    IdentityDirectory identity;

    @Autowired
    ExternalSignIn accounts;

    @Autowired
    TwoFactor twoFactor;

    @DynamicPropertySource
    static void tudelftSignsInThroughTheTestProvider(DynamicPropertyRegistry registry) {
        provider = new TestOpenIdProvider();
        var p = "sapere.sso.providers.tudelft.";
        registry.add(p + "issuer-uri", provider::issuer);
        registry.add(p + "client-id", () -> TestOpenIdProvider.clientId("tudelft", false));
        registry.add(p + "client-secret", () -> TestOpenIdProvider.clientSecret("tudelft"));
        registry.add(p + "grants.faculty", () -> "PROFESSOR");
        registry.add(p + "grants.itstaff", () -> "ORGANISATION_ADMIN");
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
        if (provider != null) {
            provider.close();
        }
    }

    @BeforeEach
    void tellTheProviderWhereSapereIs() {
        provider.applicationPort(() -> port);
    }

    @Test
    void aNewcomerSignsInThroughTheirUniversityAndLaterBySubjectAlone() {
        provider.people.put(
                "mvisser",
                new Person(
                        "tud-000417",
                        "mara.visser@sso.sapere.test",
                        true,
                        "Mara Visser",
                        List.of("faculty", "member")));
        for (var width : List.of(360, 1280)) {
            try (var context = browser.context(width, "en-GB")) {
                var page = context.newPage();
                page.navigate(url("/login"));
                check(page, "sso-01-login-" + width);
            }
        }
        try (var context = browser.context(1280, "en-GB")) {
            var page = context.newPage();
            page.navigate(url("/login"));
            signInAtTheProvider(page, "TU Delft", "mvisser");
            page.waitForURL(url("/"));
            assertThat(page.locator("header").textContent()).contains("Mara Visser", "Sign out");
            var account = identity.accountByEmail("mara.visser@sso.sapere.test").orElseThrow();
            var tudelft = identity.organisationBySlug("tudelft").orElseThrow();
            assertThat(identity.hasRole(account, tudelft.id(), org.sapere.identity.Role.PROFESSOR))
                    .as("faculty gives the professor role")
                    .isTrue();
            assertThat(linkedAccount("tud-000417")).isEqualTo(account.value());
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign out"))
                    .click();
            page.waitForURL(url("/?signedOut"));

            // The university changed her address: she still reaches the same account, by subject.
            provider.people.put(
                    "mvisser",
                    new Person("tud-000417", "m.visser@sso.sapere.test", true, "Mara Visser", List.of("faculty")));
            page.navigate(url("/login"));
            signInAtTheProvider(page, "TU Delft", null);
            page.waitForURL(url("/"));
            assertThat(page.locator("header").textContent()).contains("Mara Visser");
            assertThat(identity.accountByEmail("m.visser@sso.sapere.test")).isEmpty();
            assertThat(identity.accountByEmail("mara.visser@sso.sapere.test")).contains(account);
        }
        assertThat(audited("SSO_LINKED", "mara.visser@sso.sapere.test")).isEqualTo(1);
    }

    @Test
    void anExistingConfirmedAccountIsLinkedByAddress() {
        var existing = accounts.register("lena.vos@sso.sapere.test", "Lena Vos (Sapere)", "en", "test", null, true);
        provider.people.put(
                "lvos", new Person("tud-000733", "lena.vos@sso.sapere.test", true, "L. Vos", List.of("student")));
        try (var context = browser.context(1280, "en-GB")) {
            var page = context.newPage();
            page.navigate(url("/login"));
            signInAtTheProvider(page, "TU Delft", "lvos");
            page.waitForURL(url("/"));
            assertThat(page.locator("header").textContent()).contains("Lena Vos (Sapere)");
        }
        assertThat(linkedAccount("tud-000733")).isEqualTo(existing.value());
        var tudelft = identity.organisationBySlug("tudelft").orElseThrow();
        assertThat(identity.hasRole(existing, tudelft.id(), org.sapere.identity.Role.PROFESSOR))
                .as("a student affiliation gives no role")
                .isFalse();
    }

    @Test
    void anUnconfirmedAddressAtTheProviderIsNotLinkedToAnExistingAccount() {
        accounts.register("nora.kuiper@sso.sapere.test", "Nora Kuiper", "en", "test", null, true);
        provider.people.put(
                "nkuiper", new Person("tud-000950", "nora.kuiper@sso.sapere.test", false, "Nora Kuiper", List.of()));
        try (var context = browser.context(1280, "en-GB")) {
            var page = context.newPage();
            page.navigate(url("/login"));
            signInAtTheProvider(page, "TU Delft", "nkuiper");
            page.waitForURL(url("/login?error=sso-conflict"));
            assertThat(page.locator("#login-error").textContent()).contains("not confirmed");
        }
        assertThat(linkedAccount("tud-000950")).isNull();
    }

    @Test
    void anAccountWithTwoStepSignInStillAsksForTheCode() {
        var id = accounts.register("tim.bakker@sso.sapere.test", "Tim Bakker", "en", "test", null, true);
        var secret = twoFactor.newSecret();
        jdbc.sql("UPDATE identity.account SET totp_secret = :s, totp_enabled_at = now() WHERE id = :id")
                .param("s", secret)
                .param("id", id.value())
                .update();
        provider.people.put(
                "tbakker", new Person("tud-001024", "tim.bakker@sso.sapere.test", true, "Tim Bakker", List.of()));
        try (var context = browser.context(1280, "en-GB")) {
            var page = context.newPage();
            page.navigate(url("/login"));
            signInAtTheProvider(page, "TU Delft", "tbakker");
            page.waitForURL(url("/login/two-factor"));
            page.navigate(url("/learn"));
            page.waitForURL(url("/login/two-factor"));
            page.getByLabel("Six-digit code").fill(twoFactor.currentCode(secret));
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Continue"))
                    .click();
            page.waitForURL(url("/"));
            assertThat(page.locator("header").textContent()).contains("Tim Bakker");
        }
    }

    @Test
    void anAdminByAffiliationMustSetUpTwoStepSignInFirst() {
        provider.people.put(
                "fdekker",
                new Person("tud-001200", "femke.dekker@sso.sapere.test", true, "Femke Dekker", List.of("itstaff")));
        try (var context = browser.context(1280, "en-GB")) {
            var page = context.newPage();
            page.navigate(url("/login"));
            signInAtTheProvider(page, "TU Delft", "fdekker");
            page.waitForURL(url("/account/two-factor"));
            page.navigate(url("/admin/organisations/tudelft"));
            page.waitForURL(url("/account/two-factor"));
            var secret = page.locator("code.secret").textContent().replace(" ", "");
            page.getByLabel("Six-digit code").fill(twoFactor.currentCode(secret));
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Turn on two-step sign-in"))
                    .click();
            page.waitForURL(url("/"));
            page.navigate(url("/admin/organisations/tudelft/sso"));
            assertThat(page.locator("h1").textContent()).contains("Single sign-on for TU Delft");
        }
    }

    @Test
    void aDeactivatedAccountIsRefusedAsAtThePasswordForm() {
        var id = accounts.register("dirk.smit@sso.sapere.test", "Dirk Smit", "en", "test", null, true);
        jdbc.sql("UPDATE identity.account SET enabled = false WHERE id = :id")
                .param("id", id.value())
                .update();
        provider.people.put(
                "dsmit", new Person("tud-001100", "dirk.smit@sso.sapere.test", true, "Dirk Smit", List.of()));
        try (var context = browser.context(1280, "en-GB")) {
            var page = context.newPage();
            page.navigate(url("/login"));
            signInAtTheProvider(page, "TU Delft", "dsmit");
            page.waitForURL(url("/login?error=deactivated"));
            assertThat(page.locator("#login-error").textContent()).contains("deactivated");
        }
    }

    @Test
    void theAdminSetsUpChalmersAndARefusalAtTheProviderLandsOnTheSignInPage() {
        try (var context = browser.context(1280, "en-GB")) {
            var page = context.newPage();
            signInAsPlatformAdmin(page);
            page.navigate(url("/admin/organisations/chalmers"));
            page.setViewportSize(360, 900);
            check(page, "sso-02-organisation-360");
            page.setViewportSize(1280, 900);
            check(page, "sso-02-organisation-1280");
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Single sign-on settings"))
                    .click();
            page.waitForURL(url("/admin/organisations/chalmers/sso"));
            check(page, "sso-03-admin-empty");
            page.getByLabel("Issuer address").fill("ftp://nowhere");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save the settings"))
                    .click();
            assertThat(page.locator("#issuerUri-error").textContent()).contains("https address");
            assertThat(page.locator("#clientSecret-error").textContent()).contains("client secret");
            check(page, "sso-03-admin-errors");

            page.getByLabel("Issuer address").fill(provider.issuer());
            page.getByLabel("Client id").fill(TestOpenIdProvider.clientId("chalmers", true));
            page.getByLabel("Client secret").fill(TestOpenIdProvider.clientSecret("chalmers"));
            page.getByLabel("Professor").fill("faculty");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save the settings"))
                    .click();
            page.waitForURL(url("/admin/organisations/chalmers/sso"));
            assertThat(page.getByRole(AriaRole.STATUS).textContent()).contains("have been saved");
            assertThat(page.content()).doesNotContain(TestOpenIdProvider.clientSecret("chalmers"));
            check(page, "sso-04-admin-saved-1280");
            page.setViewportSize(360, 900);
            check(page, "sso-04-admin-saved-360");
            assertThat(jdbc.sql("SELECT client_secret FROM sso.provider")
                            .query(String.class)
                            .single())
                    .as("stored encrypted")
                    .doesNotContain(TestOpenIdProvider.clientSecret("chalmers"));
            page.navigate(url("/admin/organisations/tudelft/sso"));
            assertThat(page.locator("#sso-managed").textContent()).contains("configuration");
            check(page, "sso-05-admin-from-properties");
        }
        provider.people.put(
                "esvensson", new Person("cth-7781", "erik.svensson@sso.sapere.test", true, "Erik Svensson", List.of()));
        for (var width : List.of(360, 1280)) {
            try (var context = browser.context(width, "en-GB")) {
                var page = context.newPage();
                page.navigate(url("/login"));
                signInAtTheProvider(page, "Chalmers", "esvensson");
                // The provider asks for consent; the person says no.
                page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Cancel"))
                        .click();
                page.waitForURL(url("/login?error=sso-denied"));
                assertThat(page.locator("#login-error").textContent()).contains("cancelled");
                check(page, "sso-06-denied-" + width);
            }
        }
        assertThat(identity.accountByEmail("erik.svensson@sso.sapere.test")).isEmpty();
        assertThat(jdbc.sql(
                                "SELECT count(*) FROM identity.audit_event WHERE action = 'SSO_SIGN_IN_FAILED' AND detail LIKE '%access_denied%'")
                        .query(Long.class)
                        .single())
                .isPositive();
    }

    @Test
    void aForgedAnswerFromTheProviderLandsOnTheSignInPage() {
        try (var context = browser.context(1280, "de-DE")) {
            var page = context.newPage();
            page.navigate(url("/login/oauth2/code/tudelft?code=forged&state=forged"));
            page.waitForURL(url("/login?error=sso"));
            assertThat(page.locator("#login-error").textContent()).contains("Hochschule");
            page.navigate(url("/oauth2/authorization/no-such-university"));
            page.waitForURL(url("/login?error=sso"));
        }
    }

    private void signInAtTheProvider(Page page, String university, String username) {
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Sign in with " + university))
                .click();
        if (username != null) {
            // Signed in at the provider already (the second time), it answers at once without this form.
            page.waitForURL(u -> u.startsWith(provider.issuer()));
            page.getByLabel("Username").fill(username);
            page.getByLabel("Password").fill(TestOpenIdProvider.PASSWORD);
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in"))
                    .click();
        }
        page.waitForLoadState();
    }

    private void signInAsPlatformAdmin(Page page) {
        page.navigate(url("/login"));
        page.getByLabel("E-mail address").fill("admin@sapere.example");
        page.getByLabel("Password", new Page.GetByLabelOptions().setExact(true)).fill("sapere-demo-2026");
        page.locator("form.card button[type=submit]").click();
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
    }

    private UUID linkedAccount(String subject) {
        return jdbc.sql("SELECT account_id FROM sso.external_identity WHERE subject = :s")
                .param("s", subject)
                .query(UUID.class)
                .optional()
                .orElse(null);
    }

    private long audited(String action, String email) {
        return jdbc.sql("SELECT count(*) FROM identity.audit_event WHERE action = :a AND email = :e")
                .param("a", action)
                .param("e", email)
                .query(Long.class)
                .single();
    }

    private void check(Page page, String screenshot) {
        Browser.screenshot(page, screenshot);
        Browser.assertAccessible(page);
        assertThat(Browser.scrollsSideways(page)).isFalse();
    }

    private String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }
}
