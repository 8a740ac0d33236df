package org.sapere.identity;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.hamcrest.Matchers;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;

/** A platform admin deactivates an account; it can no longer sign in, and is told why; reactivation undoes it. */
@Tag("db")
@SpringBootTest
@AutoConfigureMockMvc
class AccountsAdminTests {

    private static final String EMAIL = "learner024@learners.sapere.test";

    @Autowired
    MockMvc mvc;

    @Autowired
    IdentityDirectory identity;

    @Test
    void aDeactivatedAccountCannotSignInUntilReactivated() throws Exception {
        var admin = new SignedInUser(
                identity.accountByEmail("admin@sapere.example").orElseThrow(),
                "admin@sapere.example",
                "Admin",
                null,
                true,
                true);
        var learner = identity.accountByEmail(EMAIL).orElseThrow();
        mvc.perform(get("/admin/accounts").param("q", "learner024").with(user(admin)))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString(EMAIL)));

        mvc.perform(post("/admin/accounts/" + learner.value() + "/enabled")
                        .with(user(admin))
                        .with(csrf())
                        .param("enabled", "false"))
                .andExpect(status().is3xxRedirection());
        mvc.perform(post("/login").with(csrf()).param("username", EMAIL).param("password", "sapere-demo-2026"))
                .andExpect(redirectedUrl("/login?error=deactivated"));

        mvc.perform(post("/admin/accounts/" + learner.value() + "/enabled")
                        .with(user(admin))
                        .with(csrf())
                        .param("enabled", "true"))
                .andExpect(status().is3xxRedirection());
        mvc.perform(post("/login").with(csrf()).param("username", EMAIL).param("password", "sapere-demo-2026"))
                .andExpect(redirectedUrl("/"));
    }
}
