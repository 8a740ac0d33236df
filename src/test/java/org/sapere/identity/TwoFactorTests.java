package org.sapere.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.sapere.identity.domain.TwoFactor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

/** TOTP: sign-in with a second factor, codes used once, and admins made to set one up before anything else. */
@Tag("db")
@SpringBootTest
@AutoConfigureMockMvc
class TwoFactorTests {

    private static final String PASSWORD = "sapere-demo-2026";

    @Autowired
    MockMvc mvc;

    @Autowired
    TwoFactor twoFactor;

    @Autowired
    JdbcClient jdbc;

    @Test
    void theAdminNeedsTheCodeAfterThePasswordAndACodeWorksOnce() throws Exception {
        // Tests share the database: forget codes other tests used in this 30-second step.
        jdbc.sql("UPDATE identity.account SET totp_last_step = 0 WHERE email = 'admin@sapere.example'")
                .update();
        var session = signIn("admin@sapere.example", "/login/two-factor");
        mvc.perform(get("/admin/mail").session(session)).andExpect(redirectedUrl("/login/two-factor"));
        mvc.perform(get("/learn").session(session)).andExpect(redirectedUrl("/login/two-factor"));

        mvc.perform(post("/login/two-factor").session(session).with(csrf()).param("code", "000000"))
                .andExpect(status().isUnprocessableContent());
        var code = twoFactor.currentCode(secretOf("admin@sapere.example"));
        mvc.perform(post("/login/two-factor").session(session).with(csrf()).param("code", code))
                .andExpect(status().is3xxRedirection());
        mvc.perform(get("/admin/mail").session(session)).andExpect(status().isOk());

        // The same code cannot be used again (a replayed code is refused).
        var again = signIn("admin@sapere.example", "/login/two-factor");
        mvc.perform(post("/login/two-factor").session(again).with(csrf()).param("code", code))
                .andExpect(status().isUnprocessableContent());
    }

    @Test
    void anAdminWithoutASecondFactorMustSetOneUpFirst() throws Exception {
        jdbc.sql(
                        "UPDATE identity.account SET totp_secret = NULL, totp_enabled_at = NULL WHERE email = 'jansen@tudelft.example'")
                .update();
        var session = signIn("jansen@tudelft.example", "/account/two-factor");
        mvc.perform(get("/learn").session(session)).andExpect(redirectedUrl("/account/two-factor"));
        mvc.perform(get("/account/two-factor").session(session)).andExpect(status().isOk());
        var secret = (String) session.getAttribute("sapere.totp.pending-secret");
        assertThat(secret).isNotBlank();
        mvc.perform(post("/account/two-factor")
                        .session(session)
                        .with(csrf())
                        .param("code", twoFactor.currentCode(secret)))
                .andExpect(status().is3xxRedirection());
        mvc.perform(get("/learn").session(session)).andExpect(status().isOk());
        assertThat(secretOf("jansen@tudelft.example")).isEqualTo(secret);
    }

    @Test
    void aLearnerCanTurnItOnAndIsThenAskedForACode() throws Exception {
        var email = "learner027@learners.sapere.test";
        var session = signIn(email, "/");
        mvc.perform(get("/account/two-factor").session(session)).andExpect(status().isOk());
        var secret = (String) session.getAttribute("sapere.totp.pending-secret");
        mvc.perform(post("/account/two-factor").session(session).with(csrf()).param("code", "123"))
                .andExpect(status().isUnprocessableContent());
        mvc.perform(post("/account/two-factor")
                        .session(session)
                        .with(csrf())
                        .param("code", twoFactor.currentCode(secret)))
                .andExpect(redirectedUrl("/account"));
        signIn(email, "/login/two-factor");
    }

    private MockHttpSession signIn(String email, String expectedTarget) throws Exception {
        var session = new MockHttpSession();
        mvc.perform(post("/login")
                        .session(session)
                        .with(csrf())
                        .param("username", email)
                        .param("password", PASSWORD))
                .andExpect(redirectedUrl(expectedTarget));
        return session;
    }

    private String secretOf(String email) {
        return jdbc.sql("SELECT totp_secret FROM identity.account WHERE email = :e")
                .param("e", email)
                .query(String.class)
                .single();
    }
}
