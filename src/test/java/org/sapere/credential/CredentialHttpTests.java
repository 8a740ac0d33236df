package org.sapere.credential;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.sapere.course.CourseAuthoring;
import org.sapere.course.CourseOutline;
import org.sapere.identity.AccountId;
import org.sapere.identity.IdentityDirectory;
import org.sapere.identity.SignedInUser;
import org.sapere.learning.CourseCompleted;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Issuing, verifying and revoking over HTTP: a completed course gives one credential per learner and course
 * version, whose JSON verifies; the verification page is public, answers 404 for an unknown id, and shows a
 * revocation at the next request, as the university's status list does; a rotated key keeps earlier credentials
 * valid; only admins of the issuing university revoke.
 */
@Tag("db")
@SpringBootTest
@AutoConfigureMockMvc
class CredentialHttpTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    Credentials credentials;

    @Autowired
    CourseAuthoring courses;

    @Autowired
    IdentityDirectory identity;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    TransactionTemplate transactions;

    CourseOutline course() {
        return courses.outlineBySlug("project-management-essentials").orElseThrow();
    }

    AccountId learner(int n) {
        return identity.accountByEmail("learner%03d@learners.sapere.test".formatted(n))
                .orElseThrow();
    }

    SignedInUser signedIn(String email, boolean platformAdmin) {
        return new SignedInUser(identity.accountByEmail(email).orElseThrow(), email, email, null, platformAdmin, true);
    }

    static JsonObject json(String text) {
        return Json.createReader(new StringReader(text)).readObject();
    }

    String body(String path) throws Exception {
        return mvc.perform(get(path).header("Accept-Language", "en"))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }

    @Test
    void aCompletedCourseGivesOneSignedOpenBadgeThatVerifies() throws Exception {
        var learner = learner(61);
        var course = course();
        transactions.executeWithoutResult(
                t -> events.publishEvent(new CourseCompleted(learner, course.id(), course.version(), Instant.now())));
        var deadline = Instant.now().plus(Duration.ofSeconds(20));
        while (credentials.of(learner).isEmpty() && Instant.now().isBefore(deadline)) {
            Thread.sleep(100);
        }
        assertThat(credentials.of(learner)).hasSize(1);
        var id = credentials.of(learner).getFirst().id();
        assertThat(credentials.issue(learner, course.id(), course.version(), Instant.now()))
                .isEqualTo(id);
        assertThat(credentials.of(learner)).hasSize(1);

        var text = body("/credentials/" + id + ".json");
        var document = json(text);
        assertThat(document.getJsonArray("type").toString()).contains("OpenBadgeCredential");
        assertThat(document.getJsonArray("proof").getJsonObject(0).getString("cryptosuite"))
                .isEqualTo("eddsa-rdfc-2022");
        assertThat(document.getJsonObject("issuer").getString("id")).startsWith("did:web:localhost");
        var achievement = document.getJsonObject("credentialSubject").getJsonObject("achievement");
        assertThat(achievement.getString("name")).isEqualTo("Project Management Essentials");
        assertThat(achievement.getJsonNumber("creditsAvailable").intValue()).isEqualTo(2);
        assertThat(achievement.getString("criteria", null)).isNull();
        assertThat(achievement.getJsonObject("criteria").getString("narrative")).contains("Online quizzes");
        assertThat(credentials.verify(text).valid()).isTrue();
        assertThat(credentials.verify(text).holderName()).isEqualTo("Learner 61");

        var did = json(body("/organisations/polimi/did.json"));
        assertThat(did.getString("id"))
                .isEqualTo(document.getJsonObject("issuer").getString("id"));
        assertThat(did.getJsonArray("verificationMethod").getJsonObject(0).getString("publicKeyMultibase"))
                .startsWith("z6Mk");

        var page = body("/verify/" + id);
        assertThat(page).contains("Valid credential", "Learner 61", "Project Management Essentials", "ECTS");
    }

    @Test
    void anUnknownOrMalformedIdAnswers404WithAPageSayingSo() throws Exception {
        for (var id : new String[] {UUID.randomUUID().toString(), "not-a-credential", "x".repeat(300)}) {
            var response = mvc.perform(get("/verify/" + id).header("Accept-Language", "en"))
                    .andExpect(status().isNotFound())
                    .andReturn()
                    .getResponse()
                    .getContentAsString(StandardCharsets.UTF_8);
            assertThat(response).contains("No such credential");
        }
        mvc.perform(get("/credentials/" + UUID.randomUUID() + ".json")).andExpect(status().isNotFound());
        mvc.perform(get("/organisations/nowhere/did.json")).andExpect(status().isNotFound());
        mvc.perform(get("/organisations/polimi/credentials/status/999")).andExpect(status().isNotFound());
    }

    @Test
    void anUploadedFileIsCheckedAndAChangedOneIsRefusedWithTheReason() throws Exception {
        var course = course();
        var id = credentials.issue(learner(62), course.id(), course.version(), Instant.now());
        var text = credentials.json(id).orElseThrow();

        var valid = mvc.perform(multipart("/verify")
                        .file(new MockMultipartFile("file", "badge.json", "application/json", text.getBytes()))
                        .with(csrf())
                        .header("Accept-Language", "en"))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(valid).contains("Valid credential", "Learner 62");

        var changed = text.replace("Learner 62", "Learner 63");
        var invalid = mvc.perform(multipart("/verify")
                        .file(new MockMultipartFile("file", "badge.json", "application/json", changed.getBytes()))
                        .with(csrf())
                        .header("Accept-Language", "en"))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(invalid).contains("Not a valid credential", "was changed after it was issued");

        var notJson = mvc.perform(
                        post("/verify").param("json", "hello").with(csrf()).header("Accept-Language", "en"))
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(notJson).contains("The file is not JSON");
        mvc.perform(post("/verify").with(csrf()).header("Accept-Language", "en"))
                .andExpect(status().isUnprocessableContent());
    }

    @Test
    void anAdminRevokesAndTheNextRequestShowsItOnThePageAndInTheStatusList() throws Exception {
        var course = course();
        var id = credentials.issue(learner(63), course.id(), course.version(), Instant.now());
        var document = json(credentials.json(id).orElseThrow());
        var status = document.getJsonObject("credentialStatus");
        var listUrl = status.getString("statusListCredential");
        var path = listUrl.substring(listUrl.indexOf("/organisations/"));
        var index = Integer.parseInt(status.getString("statusListIndex"));
        assertThat(bit(body(path), index)).isFalse();

        mvc.perform(post("/admin/credentials/" + id + "/revoke")
                        .param("reason", "x")
                        .with(csrf())
                        .with(user(signedIn("admin@sapere.example", true))))
                .andExpect(status().isUnprocessableContent());
        mvc.perform(post("/admin/credentials/" + id + "/revoke")
                        .param("reason", "Issued in error")
                        .with(csrf())
                        .with(user(signedIn("giulia@example.org", false))))
                .andExpect(status().isForbidden());
        mvc.perform(post("/admin/credentials/" + id + "/revoke")
                        .param("reason", "Issued in error: the final quiz was graded twice.")
                        .with(csrf())
                        .with(user(signedIn("admin@sapere.example", true))))
                .andExpect(status().is3xxRedirection());

        var page = body("/verify/" + id);
        assertThat(page).contains("Revoked credential", "the final quiz was graded twice");
        mvc.perform(get(path)).andExpect(header().string("Cache-Control", "no-store"));
        assertThat(bit(body(path), index)).isTrue();
        assertThat(credentials.verify(credentials.json(id).orElseThrow()).reason())
                .isEqualTo("revoked");
    }

    @Test
    void aRotatedKeySignsNewCredentialsAndEarlierOnesStayValid() throws Exception {
        var course = course();
        var before = credentials.issue(learner(64), course.id(), course.version(), Instant.now());
        mvc.perform(post("/admin/organisations/polimi/keys/rotate")
                        .with(csrf())
                        .with(user(signedIn("rossi@polimi.example", false))))
                .andExpect(status().isForbidden());
        mvc.perform(post("/admin/organisations/polimi/keys/rotate")
                        .with(csrf())
                        .with(user(signedIn("admin@sapere.example", true))))
                .andExpect(status().is3xxRedirection());
        var after = credentials.issue(learner(65), course.id(), course.version(), Instant.now());

        var oldMethod = json(credentials.json(before).orElseThrow())
                .getJsonArray("proof")
                .getJsonObject(0)
                .getString("verificationMethod");
        var newMethod = json(credentials.json(after).orElseThrow())
                .getJsonArray("proof")
                .getJsonObject(0)
                .getString("verificationMethod");
        assertThat(newMethod).isNotEqualTo(oldMethod);
        assertThat(credentials.verify(credentials.json(before).orElseThrow()).valid())
                .isTrue();
        assertThat(credentials.verify(credentials.json(after).orElseThrow()).valid())
                .isTrue();
        assertThat(body("/organisations/polimi/did.json")).contains(oldMethod, newMethod);
    }

    @Test
    void theWalletSharesChosenCredentialsAndTheCertificateAndTranscriptCarryTheFacts() throws Exception {
        var course = course();
        var learner = learner(66);
        var email = "learner066@learners.sapere.test";
        var id = credentials.issue(learner, course.id(), course.version(), Instant.now());
        var holder = user(signedIn(email, false));

        var wallet = mvc.perform(get("/credentials").with(holder).header("Accept-Language", "en"))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(wallet)
                .contains("Project Management Essentials", "/verify/" + id, "linkedin.com/profile/add")
                .contains("name=Project+Management+Essentials", "certId=" + id);

        var recent = mvc.perform(get("/credentials/recent").with(holder).header("Accept-Language", "en"))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(recent).contains("Recently earned", "Project Management Essentials", "/verify/" + id);
        var none = mvc.perform(
                        get("/credentials/recent").with(user(signedIn("learner067@learners.sapere.test", false))))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(none).doesNotContain("<section");

        mvc.perform(get("/learners/" + learner.value() + "/credentials")).andExpect(status().isNotFound());
        mvc.perform(post("/credentials/" + id + "/public")
                        .param("shown", "true")
                        .with(csrf())
                        .with(user(signedIn("learner067@learners.sapere.test", false))))
                .andExpect(status().isNotFound());
        mvc.perform(post("/credentials/" + id + "/public")
                        .param("shown", "true")
                        .with(csrf())
                        .with(holder))
                .andExpect(status().is3xxRedirection());
        assertThat(body("/learners/" + learner.value() + "/credentials"))
                .contains("Learner 66", "Project Management Essentials");

        var pdf = mvc.perform(get("/credentials/" + id + ".pdf").header("Accept-Language", "en"))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", "application/pdf"))
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
        try (var document = org.apache.pdfbox.Loader.loadPDF(pdf)) {
            var text = new org.apache.pdfbox.text.PDFTextStripper().getText(document);
            assertThat(text.lines()).contains("Learner 66");
            assertThat(text).contains("Project Management Essentials", "Politecnico di Milano");
        }

        var transcript = json(mvc.perform(get("/credentials/transcript.json").with(holder))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8));
        assertThat(transcript.getJsonArray("credentials")).hasSize(1);
        assertThat(transcript.getJsonObject("totals").getJsonNumber("ects").intValue())
                .isEqualTo(2);
        mvc.perform(get("/credentials/transcript.pdf").with(holder))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", "application/pdf"));
    }

    @Test
    void revocationPositionsAreDrawnAtRandomSoTheyTellNothingAboutOrder() throws Exception {
        var course = courses.outlineBySlug("circular-product-design").orElseThrow();
        var positions = new java.util.ArrayList<Integer>();
        for (int n = 68; n <= 70; n++) {
            var id = credentials.issue(learner(n), course.id(), course.version(), Instant.now());
            positions.add(Integer.parseInt(json(credentials.json(id).orElseThrow())
                    .getJsonObject("credentialStatus")
                    .getString("statusListIndex")));
        }
        assertThat(positions).doesNotHaveDuplicates().allMatch(p -> p >= 0 && p < 131_072);
        // Three draws in order (or nearly) out of 131,072 positions would be a one-in-billions event.
        assertThat(java.util.Collections.max(positions) - java.util.Collections.min(positions))
                .isGreaterThan(2);
        mvc.perform(get("/organisations/tudelft/credentials/status/1")).andExpect(status().isOk());
        mvc.perform(get("/organisations/tudelft/credentials/status/2")).andExpect(status().isNotFound());
    }

    static boolean bit(String statusList, int index) throws Exception {
        var encoded = json(statusList).getJsonObject("credentialSubject").getString("encodedList");
        assertThat(encoded).startsWith("u");
        var zipped = Base64.getUrlDecoder().decode(encoded.substring(1));
        var bits = new GZIPInputStream(new ByteArrayInputStream(zipped)).readAllBytes();
        assertThat(bits).hasSize(131_072 / 8);
        return (bits[index / 8] & (0x80 >>> (index % 8))) != 0;
    }
}
