package org.sapere.support;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.sapere.identity.domain.TwoFactor;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The demo's platform admin, who signs in with a password and a code of their authenticator (TOTP). */
public final class PlatformAdmin {

    public static final String EMAIL = "admin@sapere.example";

    private PlatformAdmin() {}

    /** Signs in through the sign-in page and the code page; {@code base} is the site's address. */
    public static void signIn(Page page, String base, JdbcClient jdbc, TwoFactor twoFactor) {
        page.navigate(base + "/login");
        page.getByLabel("E-mail address").fill(EMAIL);
        page.getByLabel("Password").fill("sapere-demo-2026");
        page.getByRole(
                        AriaRole.BUTTON,
                        new Page.GetByRoleOptions().setName("Sign in").setExact(true))
                .click();
        page.waitForURL(base + "/login/two-factor");
        // A code is used once: another sign-in of this run may have used this 30-second step's code.
        jdbc.sql("UPDATE identity.account SET totp_last_step = 0 WHERE email = :e")
                .param("e", EMAIL)
                .update();
        var secret = jdbc.sql("SELECT totp_secret FROM identity.account WHERE email = :e")
                .param("e", EMAIL)
                .query(String.class)
                .single();
        page.getByLabel("Six-digit code").fill(twoFactor.currentCode(secret));
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Continue"))
                .click();
        page.waitForURL(base + "/");
    }
}
