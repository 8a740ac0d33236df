package org.sapere;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.forwardedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.sapere.course.CourseAuthoring;
import org.sapere.enrolment.Registrar;
import org.sapere.identity.IdentityDirectory;
import org.sapere.identity.SignedInUser;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

/** What a person sees when the input is wrong: a clear page, in the layout, and nothing stored. */
@Tag("db")
@SpringBootTest
@AutoConfigureMockMvc
class WebBadInputTests {

    private static final String COURSE = "/courses/project-management-essentials";

    @Autowired
    MockMvc mvc;

    @Autowired
    IdentityDirectory identity;

    @Autowired
    CourseAuthoring courses;

    @Autowired
    Registrar registrar;

    @Test
    void anUnknownCourseIsA404PageInTheLayout() throws Exception {
        mvc.perform(get("/courses/no-such-course"))
                .andExpect(status().isNotFound())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("Page not found")))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("class=\"site-header\"")))
                .andExpect(
                        content().string(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("Exception"))));
    }

    @Test
    void anUnknownAddressIsA404PageInTheReadersLanguage() throws Exception {
        var learner = learner("learner039@learners.sapere.test");
        mvc.perform(get("/no/such/page").with(user(learner)).header("Accept-Language", "de-DE,de;q=0.9"))
                .andExpect(status().isNotFound())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("lang=\"de\"")));
    }

    @Test
    void enrollingWhileSignedOutLeadsToSignInAndBackToTheCourse() throws Exception {
        var session = new MockHttpSession();
        mvc.perform(get(COURSE + "/enrol").session(session))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/login"));
        mvc.perform(post("/login")
                        .session(session)
                        .with(csrf())
                        .param("username", "learner035@learners.sapere.test")
                        .param("password", "sapere-demo-2026"))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrlPattern("**" + COURSE + "/enrol*"));
        mvc.perform(get(COURSE + "/enrol").session(session)).andExpect(redirectedUrl(COURSE));
    }

    @Test
    void aPostWithoutAValidCsrfTokenIsRefusedWithA403Page() throws Exception {
        var learner = learner("learner036@learners.sapere.test");
        mvc.perform(post(COURSE + "/enrol").with(user(learner)).with(csrf().useInvalidToken()))
                .andExpect(status().isForbidden())
                .andExpect(forwardedUrl("/error/403"));
        var course = courses.outlineBySlug("project-management-essentials").orElseThrow();
        assertThat(registrar.isEnrolled(learner.accountId(), course.id())).isFalse();
    }

    @Test
    void anOverLongSearchIsA400WithTheMessageAtTheFieldAndTheInputKept() throws Exception {
        var tooLong = "management ".repeat(20);
        mvc.perform(get("/courses").param("q", tooLong))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("id=\"q-error\"")))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("at most 100 characters")))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("aria-invalid=\"true\"")))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("value=\"" + tooLong.strip() + "\"")));
    }

    @Test
    void aMalformedLessonIdIsA400Page() throws Exception {
        var learner = learner("learner037@learners.sapere.test");
        mvc.perform(get("/learn/courses/project-management-essentials/lessons/not-a-uuid")
                        .with(user(learner)))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("could not understand")));
    }

    @Test
    void completingALessonWithoutEnrolmentStoresNothingAndLeadsToTheCoursePage() throws Exception {
        var learner = learner("learner038@learners.sapere.test");
        var course = courses.outlineBySlug("negotiation-and-influence").orElseThrow();
        var lesson = course.lessons().findFirst().orElseThrow();
        assertThat(registrar.isEnrolled(learner.accountId(), course.id())).isFalse();
        mvc.perform(post("/learn/courses/negotiation-and-influence/lessons/" + lesson.id() + "/complete")
                        .with(user(learner))
                        .with(csrf()))
                .andExpect(redirectedUrl("/courses/negotiation-and-influence"));
        mvc.perform(get("/learn").with(user(learner)))
                .andExpect(content()
                        .string(org.hamcrest.Matchers.not(
                                org.hamcrest.Matchers.containsString("Negotiation and Influence"))));
    }

    @Test
    void theLearnersPagesNeedSignIn() throws Exception {
        mvc.perform(get("/learn")).andExpect(redirectedUrl("/login"));
    }

    private SignedInUser learner(String email) {
        var id = identity.accountByEmail(email).orElseThrow();
        return new SignedInUser(id, email, email, null, false, true);
    }
}
