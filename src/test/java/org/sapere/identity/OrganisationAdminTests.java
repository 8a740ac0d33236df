package org.sapere.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.util.regex.Pattern;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/** Organisation admins give and take roles in their own organisation only; invitations become roles on sign-up. */
@Tag("db")
@SpringBootTest
@AutoConfigureMockMvc
class OrganisationAdminTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    IdentityDirectory identity;

    @Autowired
    JdbcClient jdbc;

    @Test
    void anOrganisationAdminGivesAndTakesRolesInTheirOwnOrganisationOnly() throws Exception {
        var anna = signedIn("jansen@tudelft.example");
        var learner = identity.accountByEmail("learner025@learners.sapere.test").orElseThrow();
        var delft = identity.organisationBySlug("tudelft").orElseThrow().id();

        mvc.perform(post("/admin/organisations/tudelft/members")
                        .with(user(anna))
                        .with(csrf())
                        .param("email", "learner025@learners.sapere.test")
                        .param("role", "PROFESSOR"))
                .andExpect(redirectedUrl("/admin/organisations/tudelft"));
        assertThat(identity.hasRole(learner, delft, Role.PROFESSOR)).isTrue();

        mvc.perform(post("/admin/organisations/tudelft/members/" + learner.value() + "/revoke")
                        .with(user(anna))
                        .with(csrf())
                        .param("role", "PROFESSOR"))
                .andExpect(redirectedUrl("/admin/organisations/tudelft"));
        assertThat(identity.hasRole(learner, delft, Role.PROFESSOR)).isFalse();

        // Politecnico di Milano is not Anna's: neither its page nor its roles.
        mvc.perform(get("/admin/organisations/polimi").with(user(anna))).andExpect(status().isForbidden());
        mvc.perform(post("/admin/organisations/polimi/members")
                        .with(user(anna))
                        .with(csrf())
                        .param("email", "learner025@learners.sapere.test")
                        .param("role", "ORGANISATION_ADMIN"))
                .andExpect(status().isForbidden());
        var polimi = identity.organisationBySlug("polimi").orElseThrow().id();
        assertThat(identity.hasRole(learner, polimi, Role.ORGANISATION_ADMIN)).isFalse();
    }

    @Test
    void anInvitationBecomesARoleWhenTheAddressIsConfirmed() throws Exception {
        var anna = signedIn("jansen@tudelft.example");
        var email = "new.professor@tudelft.example";
        mvc.perform(post("/admin/organisations/tudelft/members")
                        .with(user(anna))
                        .with(csrf())
                        .param("email", email)
                        .param("role", "PROFESSOR"))
                .andExpect(redirectedUrl("/admin/organisations/tudelft"));
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> mails(email, "You are invited") == 1);

        mvc.perform(post("/register")
                        .with(csrf())
                        .param("displayName", "Dr. Lotte Bakker")
                        .param("email", email)
                        .param("password", "windmill tulip canal bicycle"))
                .andExpect(status().isOk());
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> mails(email, "Confirm your e-mail") == 1);
        var body = jdbc.sql("SELECT body FROM notification.dev_mail WHERE recipient = :e AND subject LIKE 'Confirm%'")
                .param("e", email)
                .query(String.class)
                .single();
        var token = Pattern.compile("token=([A-Za-z0-9_-]+)").matcher(body);
        assertThat(token.find()).isTrue();
        mvc.perform(get("/verify-email").param("token", token.group(1))).andExpect(status().isOk());

        var account = identity.accountByEmail(email).orElseThrow();
        var delft = identity.organisationBySlug("tudelft").orElseThrow().id();
        assertThat(identity.hasRole(account, delft, Role.PROFESSOR)).isTrue();
    }

    private long mails(String to, String subject) {
        return jdbc.sql("SELECT count(*) FROM notification.dev_mail WHERE recipient = :to AND subject LIKE :s")
                .param("to", to)
                .param("s", subject + "%")
                .query(Long.class)
                .single();
    }

    private SignedInUser signedIn(String email) {
        return new SignedInUser(identity.accountByEmail(email).orElseThrow(), email, email, null, false, true);
    }
}
