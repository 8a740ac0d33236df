package org.sapere.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.sapere.shared.PersonalData;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.json.JsonMapper;

/** GDPR: the export covers every table that refers to a person; deleting an account erases what identifies them. */
@Tag("db")
@SpringBootTest
@AutoConfigureMockMvc
class PersonalDataTests {

    /** Tables that refer to people but are not exported, and why. */
    private static final Map<String, String> EXEMPT = Map.of(
            "identity.passkey_user", "a random WebAuthn user handle: opaque bytes that say nothing about the person",
            "identity.account_token", "only SHA-256 hashes of single-use tokens; useless to the person and short-lived",
            "course.draft", "who last saved a draft: a professor's work on their university's course",
            "course.course_version", "who published a version: part of the university's publication record",
            "course.course", "professors as authors of published courses: part of the university's publication",
            "catalog.course_listing", "professors named on public course listings: a copy of course.course for search",
            "video.upload", "a professor's unfinished video upload: removed once complete or after a day untouched");

    @Autowired
    MockMvc mvc;

    @Autowired
    List<PersonalData> sections;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    IdentityDirectory identity;

    @Autowired
    org.sapere.course.CourseAuthoring courses;

    @Test
    void everyTableThatRefersToAPersonIsExportedOrExemptWithAReason() {
        var personal = new TreeSet<>(jdbc.sql("""
                SELECT DISTINCT table_schema || '.' || table_name FROM information_schema.columns
                WHERE table_schema NOT IN ('pg_catalog', 'information_schema', 'public')
                  AND (column_name IN ('account_id', 'email', 'recipient', 'learner_id', 'professor_ids', 'ip', 'agent')
                       OR column_name LIKE '%account_id')""").query(String.class).list());
        assertThat(personal).contains("identity.account", "enrolment.enrolment", "learning.lesson_progress");
        var covered = new HashSet<String>();
        sections.forEach(s -> covered.addAll(s.tables()));
        covered.addAll(EXEMPT.keySet());
        personal.removeAll(covered);
        assertThat(personal)
                .as("tables about people that are neither exported nor exempt")
                .isEmpty();
    }

    @Test
    void theExportHoldsTheAccountEnrolmentsAndProgress() throws Exception {
        var email = "giulia@example.org";
        var giulia = identity.accountByEmail(email).orElseThrow();
        // Her demo credential is issued right after the demo content loads, asynchronously.
        org.awaitility.Awaitility.await()
                .atMost(java.time.Duration.ofSeconds(30))
                .until(() -> jdbc.sql("SELECT count(*) FROM credential.credential WHERE learner_id = :id")
                                .param("id", giulia.value())
                                .query(Integer.class)
                                .single()
                        == 1);
        var json = mvc.perform(get("/account/export").with(user(signedIn(email))))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        var export = JsonMapper.builder().build().readTree(json);
        assertThat(export.path("account").path("profile").path("email").asString())
                .isEqualTo(email);
        // Giulia's demo: two courses begun (three lessons done in one) and Circular Product Design completed.
        var finished =
                courses.outlineBySlug("circular-product-design").orElseThrow().lessonCount();
        assertThat(export.path("enrolments").size()).isEqualTo(3);
        assertThat(export.path("learning").path("lessons").size()).isEqualTo(3 + finished);
        assertThat(export.path("credentials").size()).isEqualTo(1);
        assertThat(export.path("credentials").get(0).path("document").asString())
                .contains("OpenBadgeCredential");
        assertThat(export.path("account").path("profile").path("created_at").asString())
                .matches("\\d{4}-.*Z");
    }

    @Test
    void deletingTheAccountNeedsThePasswordAndErasesWhatIdentifiesThePerson() throws Exception {
        var email = "learner028@learners.sapere.test";
        var account = identity.accountByEmail(email).orElseThrow();
        var progressBefore = count("learning.lesson_progress", account);

        mvc.perform(post("/account/delete")
                        .with(user(signedIn(email)))
                        .with(csrf())
                        .param("password", "wrong"))
                .andExpect(status().isUnprocessableContent());
        assertThat(identity.accountByEmail(email)).isPresent();

        mvc.perform(post("/account/delete")
                        .with(user(signedIn(email)))
                        .with(csrf())
                        .param("password", "sapere-demo-2026"))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/account-deleted"));
        assertThat(identity.accountByEmail(email)).isEmpty();
        var row = jdbc.sql("SELECT display_name, password_hash, email FROM identity.account WHERE id = :id")
                .param("id", account.value())
                .query()
                .singleRow();
        assertThat(row.get("display_name")).isEqualTo("Deleted account");
        assertThat(row.get("password_hash")).isNull();
        assertThat((String) row.get("email")).endsWith("@deleted.invalid");
        // Learning records stay, for statistics, attached to the emptied account.
        assertThat(count("learning.lesson_progress", account)).isEqualTo(progressBefore);
    }

    private long count(String table, AccountId account) {
        return jdbc.sql("SELECT count(*) FROM " + table + " WHERE account_id = :id")
                .param("id", account.value())
                .query(Long.class)
                .single();
    }

    private SignedInUser signedIn(String email) {
        return new SignedInUser(identity.accountByEmail(email).orElseThrow(), email, email, null, false, true);
    }

    @Test
    void anAccountWithoutAPasswordIsDeletedWithItsAddressRightAfterSigningIn() throws Exception {
        var email = "learner008@learners.sapere.test";
        var account = identity.accountByEmail(email).orElseThrow();
        // As if made by single sign-on: no password to ask for.
        jdbc.sql("UPDATE identity.account SET password_hash = NULL WHERE id = :id")
                .param("id", account.value())
                .update();
        var fresh = java.time.Instant.now();
        var stale = fresh.minus(java.time.Duration.ofMinutes(30));

        mvc.perform(post("/account/delete")
                        .with(user(signedIn(email)))
                        .with(csrf())
                        .sessionAttr(RecentSignIn.ATTRIBUTE, fresh)
                        .param("email", "someone.else@example.org"))
                .andExpect(status().isUnprocessableContent());
        mvc.perform(post("/account/delete")
                        .with(user(signedIn(email)))
                        .with(csrf())
                        .sessionAttr(RecentSignIn.ATTRIBUTE, stale)
                        .param("email", email))
                .andExpect(status().isUnprocessableContent());
        assertThat(identity.accountByEmail(email)).isPresent();

        mvc.perform(post("/account/delete")
                        .with(user(signedIn(email)))
                        .with(csrf())
                        .sessionAttr(RecentSignIn.ATTRIBUTE, fresh)
                        .param("email", email.toUpperCase(java.util.Locale.ROOT)))
                .andExpect(redirectedUrl("/account-deleted"));
        assertThat(identity.accountByEmail(email)).isEmpty();
    }
}
