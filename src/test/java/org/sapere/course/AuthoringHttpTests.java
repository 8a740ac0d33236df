package org.sapere.course;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.UUID;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.sapere.course.domain.CourseEditor;
import org.sapere.identity.IdentityDirectory;
import org.sapere.identity.SignedInUser;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Authoring over HTTP: two professors editing the same reading (the second is told, and loses nothing); a
 * professor of another university can neither see nor change the course; drafts stay invisible to learners until
 * published, and republishing keeps lesson ids.
 */
@Tag("db")
@SpringBootTest
@AutoConfigureMockMvc
class AuthoringHttpTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    IdentityDirectory identity;

    @Autowired
    CourseEditor editor;

    @Autowired
    CourseAuthoring courses;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aSecondAuthorWorkingOnAnOlderRevisionIsToldAndLosesNothing() throws Exception {
        var rossi = signedIn("rossi@polimi.example");
        var bianchi = signedIn("bianchi@polimi.example");
        var course = editor.create(
                rossi.accountId(),
                identity.organisationBySlug("polimi").orElseThrow().id(),
                "Optimistic locking in practice",
                "en");
        var module = editor.open(course, rossi.accountId())
                .course()
                .modules()
                .getFirst()
                .id();
        var revision = editor.open(course, rossi.accountId()).revision();
        assertThat(editor.addLesson(course, module, rossi.accountId(), revision, "Two editors", 5)
                        .ok())
                .isTrue();
        var opened = editor.open(course, rossi.accountId());
        var lesson = opened.course().modules().getFirst().lessons().getFirst().id();
        var both = opened.revision();

        // Both opened the reading at the same revision; Rossi saves first.
        mvc.perform(saveLesson(course, lesson, both, "Rossi's text").with(user(rossi)))
                .andExpect(status().is3xxRedirection());
        // Bianchi's save names the old revision: refused as a conflict, his text comes back to him.
        mvc.perform(saveLesson(course, lesson, both, "Bianchi's careful text").with(user(bianchi)))
                .andExpect(status().isConflict())
                .andExpect(content().string(Matchers.containsString("Bianchi&#39;s careful text")))
                .andExpect(content().string(Matchers.containsString("has not been lost")));
        assertThat(body(course, lesson)).isEqualTo("Rossi's text");

        // Saving again from that page (which carries the newer revision) keeps his version.
        var current = editor.open(course, bianchi.accountId()).revision();
        mvc.perform(saveLesson(course, lesson, current, "Bianchi's careful text")
                        .with(user(bianchi)))
                .andExpect(status().is3xxRedirection());
        assertThat(body(course, lesson)).isEqualTo("Bianchi's careful text");
    }

    @Test
    void aProfessorOfAnotherUniversityCannotSeeOrChangeTheCourse() throws Exception {
        var rossi = signedIn("rossi@polimi.example");
        var meier = signedIn("meier@ethz.example");
        var course = editor.create(
                rossi.accountId(),
                identity.organisationBySlug("polimi").orElseThrow().id(),
                "Only for Milan's professors",
                "en");
        var revision = editor.open(course, rossi.accountId()).revision();
        mvc.perform(get("/teach/courses/" + course).with(user(meier))).andExpect(status().isForbidden());
        mvc.perform(post("/teach/courses/" + course + "/modules")
                        .with(user(meier))
                        .with(csrf())
                        .param("revision", String.valueOf(revision))
                        .param("title", "Taken over"))
                .andExpect(status().isForbidden());
        mvc.perform(post("/teach/courses/" + course + "/publish")
                        .with(user(meier))
                        .with(csrf())
                        .param("revision", String.valueOf(revision)))
                .andExpect(status().isForbidden());
        // Nor can he start a course in Milan's name.
        mvc.perform(post("/teach/courses")
                        .with(user(meier))
                        .with(csrf())
                        .param("title", "Borrowed name")
                        .param(
                                "organisation",
                                identity.organisationBySlug("polimi")
                                        .orElseThrow()
                                        .id()
                                        .value()
                                        .toString()))
                .andExpect(status().isUnprocessableContent());
        assertThat(editor.open(course, rossi.accountId()).course().modules()).hasSize(1);
        assertThat(editor.open(course, rossi.accountId()).revision()).isEqualTo(revision);
    }

    @Test
    void learnersSeeADraftOnlyOncePublishedAndLessonIdsSurviveRepublishing() throws Exception {
        var rossi = signedIn("rossi@polimi.example");
        var course = editor.create(
                rossi.accountId(),
                identity.organisationBySlug("polimi").orElseThrow().id(),
                "Versions and what learners see",
                "en");
        var draft = editor.open(course, rossi.accountId());
        var module = draft.course().modules().getFirst().id();
        editor.addLesson(course, module, rossi.accountId(), draft.revision(), "First reading", 5);
        draft = editor.open(course, rossi.accountId());
        var lesson = draft.course().modules().getFirst().lessons().getFirst().id();
        editor.updateLesson(
                course, lesson, rossi.accountId(), draft.revision(), "en", "First reading", 5, "Version one.");
        draft = editor.open(course, rossi.accountId());
        editor.updateDetails(
                course,
                rossi.accountId(),
                draft.revision(),
                "en",
                "Versions and what learners see",
                "A short course about versions.",
                "",
                java.util.List.of(),
                "BEGINNER",
                java.util.List.of(),
                draft.course().slug());
        var slug = editor.open(course, rossi.accountId()).course().slug();
        mvc.perform(get("/courses/" + slug)).andExpect(status().isNotFound());

        assertThat(editor.publish(
                                course,
                                rossi.accountId(),
                                editor.open(course, rossi.accountId()).revision())
                        .ok())
                .isTrue();
        mvc.perform(get("/courses/" + slug)).andExpect(status().isOk());
        assertThat(courses.outline(new CourseId(course)).orElseThrow().version())
                .isEqualTo(1);

        // A change to the draft is not seen until the next publication, which keeps the lesson's id.
        draft = editor.open(course, rossi.accountId());
        editor.updateLesson(
                course, lesson, rossi.accountId(), draft.revision(), "en", "First reading", 5, "Version two.");
        assertThat(published(course, lesson)).contains("Version one.");
        assertThat(editor.publish(
                                course,
                                rossi.accountId(),
                                editor.open(course, rossi.accountId()).revision())
                        .ok())
                .isTrue();
        assertThat(courses.outline(new CourseId(course), 2).orElseThrow().version())
                .isEqualTo(2);
        assertThat(published(course, lesson)).contains("Version two.");
        assertThat(jdbc.sql("SELECT count(*) FROM course.course_version WHERE course_id = :id")
                        .param("id", course)
                        .query(Long.class)
                        .single())
                .isEqualTo(2);
    }

    @Test
    void creditInformationIsCheckedKeptThroughPublishingAndShownToLearners() throws Exception {
        var rossi = signedIn("rossi@polimi.example");
        var course = editor.create(
                rossi.accountId(),
                identity.organisationBySlug("polimi").orElseThrow().id(),
                "Credit course",
                "en");
        var rev = editor.open(course, rossi.accountId()).revision();
        for (var bad : java.util.List.of("61", "-1", "2.25", "two")) {
            assertThat(editor.updateCredit(course, rossi.accountId(), rev, bad, "", "")
                            .problems())
                    .as(bad)
                    .isNotEmpty();
        }
        assertThat(editor.updateCredit(course, rossi.accountId(), rev, "", "9", "")
                        .ok())
                .isFalse();
        assertThat(editor.updateCredit(course, rossi.accountId(), rev, "", "", "CHARM")
                        .ok())
                .isFalse();
        mvc.perform(post("/teach/courses/" + course + "/credit")
                        .with(user(rossi))
                        .with(csrf())
                        .param("revision", String.valueOf(rev))
                        .param("ects", "2,5")
                        .param("eqfLevel", "6")
                        .param("assessment", "SUPERVISED_EXAM"))
                .andExpect(status().is3xxRedirection());
        var credit = editor.open(course, rossi.accountId()).course().credit();
        assertThat(credit.ects()).isEqualByComparingTo("2.5");
        assertThat(credit.eqfLevel()).isEqualTo(6);
        assertThat(credit.assessment()).isEqualTo("SUPERVISED_EXAM");

        // A later edit of the details keeps it, and publishing carries it to the course page.
        var draft = editor.open(course, rossi.accountId());
        var module = draft.course().modules().getFirst().id();
        editor.addLesson(course, module, rossi.accountId(), draft.revision(), "Only reading", 5);
        draft = editor.open(course, rossi.accountId());
        var lesson = draft.course().modules().getFirst().lessons().getFirst().id();
        editor.updateLesson(course, lesson, rossi.accountId(), draft.revision(), "en", "Only reading", 5, "Text.");
        draft = editor.open(course, rossi.accountId());
        editor.updateDetails(
                course,
                rossi.accountId(),
                draft.revision(),
                "en",
                "Credit course",
                "Worth credits.",
                "",
                java.util.List.of(),
                "ADVANCED",
                java.util.List.of(),
                draft.course().slug());
        assertThat(editor.publish(
                                course,
                                rossi.accountId(),
                                editor.open(course, rossi.accountId()).revision())
                        .ok())
                .isTrue();
        assertThat(courses.outline(new CourseId(course), 1)
                        .orElseThrow()
                        .credit()
                        .eqfLevel())
                .isEqualTo(6);
        var slug = editor.open(course, rossi.accountId()).course().slug();
        org.awaitility.Awaitility.await()
                .atMost(java.time.Duration.ofSeconds(10))
                .untilAsserted(() -> mvc.perform(get("/courses/" + slug))
                        .andExpect(status().isOk())
                        .andExpect(content().string(Matchers.containsString("Supervised exam")))
                        .andExpect(content().string(Matchers.containsString("2.5"))));
    }

    private String published(UUID course, UUID lesson) {
        return courses.outline(new CourseId(course), 0)
                .orElseThrow()
                .lesson(lesson)
                .orElseThrow()
                .bodyHtml()
                .orElseThrow()
                .original();
    }

    private String body(UUID course, UUID lesson) {
        return editor.lesson(
                        editor.open(course, signedIn("rossi@polimi.example").accountId())
                                .course(),
                        lesson)
                .orElseThrow()
                .body()
                .original();
    }

    private static org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder saveLesson(
            UUID course, UUID lesson, int revision, String body) {
        return post("/teach/courses/" + course + "/lessons/" + lesson)
                .with(csrf())
                .param("revision", String.valueOf(revision))
                .param("text", "en")
                .param("title", "Two editors")
                .param("minutes", "5")
                .param("body", body);
    }

    private SignedInUser signedIn(String email) {
        return new SignedInUser(identity.accountByEmail(email).orElseThrow(), email, email, null, false, true);
    }
}
