package org.sapere.sso;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.sapere.identity.ExternalSignIn;
import org.sapere.identity.IdentityDirectory;
import org.sapere.identity.Role;
import org.sapere.identity.SignedInUser;
import org.sapere.identity.domain.AccountErasure;
import org.sapere.identity.domain.Accounts;
import org.sapere.sso.domain.ExternalIdentities;
import org.sapere.sso.domain.FederatedSignIn;
import org.sapere.sso.domain.ProviderSettings;
import org.sapere.sso.domain.ProviderSettings.Grant;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Single sign-on without a browser: the ways in answer unknown providers and forged answers with the sign-in page;
 * the admin page checks the organisation and every field; a deleted account loses its university links.
 */
@Tag("db")
@SpringBootTest
@AutoConfigureMockMvc
class SingleSignOnTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    IdentityDirectory identity;

    @Autowired
    ExternalSignIn accounts;

    @Autowired
    ExternalIdentities externalIdentities;

    @Autowired
    AccountErasure erasure;

    @Autowired
    Accounts accountRows;

    @Autowired
    PasswordEncoder encoder;

    @Autowired
    JdbcClient jdbc;

    @Test
    void anUnknownProviderOrAForgedAnswerLeadsBackToTheSignInPage() throws Exception {
        mvc.perform(get("/oauth2/authorization/no-such-university"))
                .andExpect(status().isFound())
                .andExpect(redirectedUrl("/login?error=sso"));
        mvc.perform(get("/login/oauth2/code/tudelft").param("code", "x").param("state", "y"))
                .andExpect(status().isFound())
                .andExpect(redirectedUrl("/login?error=sso"));
        mvc.perform(get("/login/oauth2/code/tudelft")
                        .param("error", "access_denied")
                        .param("state", "y"))
                .andExpect(status().isFound())
                .andExpect(redirectedUrl("/login?error=sso"));
        mvc.perform(get("/login").param("error", "sso-denied")).andExpect(status().isOk());
    }

    @Test
    void theAdminPageIsForTheOrganisationsAdminsAndChecksEveryField() throws Exception {
        var jansen = signedIn("jansen@tudelft.example", false);
        mvc.perform(get("/admin/organisations/tudelft/sso").with(user(jansen))).andExpect(status().isOk());
        mvc.perform(get("/admin/organisations/polimi/sso").with(user(jansen))).andExpect(status().isForbidden());
        mvc.perform(get("/admin/organisations/nowhere/sso").with(user(jansen))).andExpect(status().isNotFound());
        var page = mvc.perform(post("/admin/organisations/tudelft/sso")
                        .with(user(jansen))
                        .with(csrf())
                        .param("issuerUri", "http://idp.example.org")
                        .param("clientId", "sapere")
                        .param("clientSecret", "a-secret-never-shown")
                        .param("scopes", "openid <script>")
                        .param("emailClaim", "mail address")
                        .param("nameClaim", "name")
                        .param("affiliationClaim", "eduperson_affiliation")
                        .param("professorAffiliations", "faculty, staff;drop")
                        .param("enabled", "true"))
                .andExpect(status().isUnprocessableContent())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(page)
                .contains("id=\"issuerUri-error\"", "id=\"scopes-error\"", "id=\"emailClaim-error\"")
                .contains("id=\"professorAffiliations-error\"")
                .doesNotContain("a-secret-never-shown");
        assertThat(jdbc.sql("SELECT count(*) FROM sso.provider")
                        .query(Long.class)
                        .single())
                .isZero();
        // Another organisation's admin, or a professor, may not change it.
        mvc.perform(post("/admin/organisations/tudelft/sso")
                        .with(user(signedIn("rossi@polimi.example", false)))
                        .with(csrf()))
                .andExpect(status().isForbidden());
    }

    @Test
    void affiliationsGiveTheMappedRolesScopedOrNot() {
        var settings = new ProviderSettings(
                identity.organisationBySlug("tudelft").orElseThrow().id(),
                "tudelft",
                "TU Delft",
                "https://idp.example.org",
                "client",
                "secret",
                List.of("profile", "email"),
                "email",
                "name",
                "eduperson_affiliation",
                false,
                List.of(new Grant("faculty", Role.PROFESSOR), new Grant("staff", Role.SUPERVISOR)),
                true,
                false);
        assertThat(settings.scopes()).startsWith("openid");
        assertThat(settings.rolesFor(List.of("Faculty@tudelft.nl", "member"))).isEqualTo(Set.of(Role.PROFESSOR));
        assertThat(settings.rolesFor(List.of("student"))).isEmpty();
        assertThat(settings.rolesFor(List.of("staff", "faculty")))
                .containsExactlyInAnyOrder(Role.PROFESSOR, Role.SUPERVISOR);
    }

    @Autowired
    FederatedSignIn federated;

    @Test
    void anInvitationGoesOnlyToAnAddressTheProviderConfirmed() {
        var polimi = identity.organisationBySlug("polimi").orElseThrow().id();
        var admin = identity.accountByEmail("admin@sapere.example").orElseThrow();
        for (var email : List.of("sara.conti@sso.sapere.test", "piero.sala@sso.sapere.test")) {
            jdbc.sql("""
                    INSERT INTO identity.invitation (id, organisation_id, email, role, invited_by)
                    VALUES (gen_random_uuid(), :org, :email, 'SUPERVISOR', :by)""")
                    .param("org", polimi.value())
                    .param("email", email)
                    .param("by", admin.value())
                    .update();
        }
        var provider = settings("https://idp.polimi.example", List.of());
        var confirmed = federated.signIn(
                provider,
                "https://idp.polimi.example",
                "p-1",
                Map.of("email", "sara.conti@sso.sapere.test", "email_verified", true, "name", "Sara Conti"),
                "it",
                null);
        var unconfirmed = federated.signIn(
                provider,
                "https://idp.polimi.example",
                "p-2",
                Map.of("email", "piero.sala@sso.sapere.test", "name", "Piero Sala"),
                "it",
                null);
        var sara = ((SignedInUser) confirmed.getPrincipal()).accountId();
        var piero = ((SignedInUser) unconfirmed.getPrincipal()).accountId();
        assertThat(identity.hasRole(sara, polimi, Role.SUPERVISOR)).isTrue();
        assertThat(identity.hasRole(piero, polimi, Role.SUPERVISOR)).isFalse();
        assertThat(confirmed.getAuthorities()).extracting(a -> a.getAuthority()).containsExactly("ROLE_LEARNER");
        // Later the subject alone finds the account, whatever address the provider now sends.
        var again = federated.signIn(
                provider,
                "https://idp.polimi.example",
                "p-1",
                Map.of("email", "s.conti@sso.sapere.test", "email_verified", true),
                "it",
                null);
        assertThat(((SignedInUser) again.getPrincipal()).accountId()).isEqualTo(sara);
        // The same subject at another issuer is someone else.
        assertThatThrownBy(() -> federated.signIn(
                        provider,
                        "https://other.example",
                        "p-1",
                        Map.of("email", "sara.conti@sso.sapere.test"),
                        "it",
                        null))
                .isInstanceOf(OAuth2AuthenticationException.class);
    }

    @Test
    void theUniversitysSignInConfirmsAlumniStatus() {
        var polimi = identity.organisationBySlug("polimi").orElseThrow().id();
        var provider = settings("https://idp.polimi.example", List.of());
        var signedIn = federated.signIn(
                provider,
                "https://idp.polimi.example",
                "p-alum-1",
                Map.of(
                        "email",
                        "marta.riva@sso.sapere.test",
                        "email_verified",
                        true,
                        "eduperson_affiliation",
                        List.of("alum@polimi.it")),
                "it",
                null);
        var marta = ((SignedInUser) signedIn.getPrincipal()).accountId();
        assertThat(identity.isAlumnus(marta, polimi)).isTrue();
        var other = federated.signIn(
                provider,
                "https://idp.polimi.example",
                "p-student-1",
                Map.of(
                        "email",
                        "luca.neri@sso.sapere.test",
                        "email_verified",
                        true,
                        "eduperson_affiliation",
                        "student"),
                "it",
                null);
        assertThat(identity.isAlumnus(((SignedInUser) other.getPrincipal()).accountId(), polimi))
                .isFalse();
    }

    private ProviderSettings settings(String issuer, List<Grant> grants) {
        return new ProviderSettings(
                identity.organisationBySlug("polimi").orElseThrow().id(),
                "polimi",
                "POLIMI",
                issuer,
                "client",
                "secret",
                List.of("openid", "profile", "email"),
                "email",
                "name",
                "eduperson_affiliation",
                false,
                grants,
                true,
                false);
    }

    @Test
    void deletingTheAccountForgetsItsUniversityLinks() {
        var account = accounts.register("ruth.de.wit@sso.sapere.test", "Ruth de Wit", "nl", "test", null, true);
        accountRows.changePassword(account.value(), encoder.encode("a long enough password for ruth"));
        var tudelft = identity.organisationBySlug("tudelft").orElseThrow().id();
        externalIdentities.link("https://idp.example.org", "ruth-0001", account, tudelft);
        assertThat(erasure.erase(account.value(), "a long enough password for ruth"))
                .isTrue();
        await().atMost(Duration.ofSeconds(10))
                .until(() -> jdbc.sql("SELECT count(*) FROM sso.external_identity WHERE account_id = :id")
                                .param("id", account.value())
                                .query(Long.class)
                                .single()
                        == 0);
    }

    private SignedInUser signedIn(String email, boolean platformAdmin) {
        return new SignedInUser(identity.accountByEmail(email).orElseThrow(), email, email, null, platformAdmin, true);
    }
}
