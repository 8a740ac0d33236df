package org.sapere.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/** Password guessing is slowed down per account, with the state in PostgreSQL, and every refusal is audited. */
@Tag("db")
@SpringBootTest
@AutoConfigureMockMvc
class SignInThrottleTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Test
    void afterFiveFailuresEvenTheRightPasswordMustWait() throws Exception {
        var email = "learner034@learners.sapere.test";
        for (int i = 0; i < 5; i++) {
            mvc.perform(post("/login").with(csrf()).param("username", email).param("password", "wrong guess " + i))
                    .andExpect(redirectedUrl("/login?error"));
        }
        mvc.perform(post("/login").with(csrf()).param("username", email).param("password", "sapere-demo-2026"))
                .andExpect(redirectedUrlPattern("/login?error=throttled&wait=*"));
        assertThat(count("SIGN_IN_FAILED", email)).isEqualTo(5);
        assertThat(count("SIGN_IN_THROTTLED", email)).isEqualTo(1);

        // Another account from the same address is not affected.
        mvc.perform(post("/login")
                        .with(csrf())
                        .param("username", "learner033@learners.sapere.test")
                        .param("password", "sapere-demo-2026"))
                .andExpect(redirectedUrl("/"));
    }

    private long count(String action, String email) {
        return jdbc.sql("SELECT count(*) FROM identity.audit_event WHERE action = :a AND email = :e")
                .param("a", action)
                .param("e", email)
                .query(Long.class)
                .single();
    }
}
