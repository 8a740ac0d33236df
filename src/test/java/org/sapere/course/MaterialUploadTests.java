package org.sapere.course;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.sapere.course.domain.CourseEditor;
import org.sapere.identity.IdentityDirectory;
import org.sapere.identity.SignedInUser;
import org.sapere.storage.MediaStorage;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/**
 * Downloadable materials: the type is detected from the content, so files that lie about their type (a picture
 * named .pdf, a program named .pdf) or that are not fit for learners (HTML) are refused with a message and nothing
 * is stored; a real PDF is stored, published and downloaded by an enrolled learner only.
 */
@Tag("db")
@SpringBootTest
@AutoConfigureMockMvc
class MaterialUploadTests {

    private static final byte[] PDF = ("%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n"
                    + "2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n")
            .getBytes(StandardCharsets.US_ASCII);
    private static final byte[] PNG = {
        (byte) 0x89,
        'P',
        'N',
        'G',
        0x0d,
        0x0a,
        0x1a,
        0x0a,
        0,
        0,
        0,
        0x0d,
        'I',
        'H',
        'D',
        'R',
        0,
        0,
        0,
        1,
        0,
        0,
        0,
        1,
        8,
        2,
        0,
        0,
        0
    };
    private static final byte[] EXE = "MZ\u0090\u0000\u0003\u0000\u0000\u0000This program cannot be run in DOS mode."
            .getBytes(StandardCharsets.ISO_8859_1);

    @Autowired
    MockMvc mvc;

    @Autowired
    IdentityDirectory identity;

    @Autowired
    CourseEditor editor;

    @Autowired
    MediaStorage storage;

    @Test
    void filesAreJudgedByTheirContentAndReachOnlyEnrolledLearners() throws Exception {
        var rossi = signedIn("rossi@polimi.example");
        var course = editor.create(
                rossi.accountId(),
                identity.organisationBySlug("polimi").orElseThrow().id(),
                "Materials course",
                "en");
        var module = editor.open(course, rossi.accountId())
                .course()
                .modules()
                .getFirst()
                .id();
        editor.addLesson(course, module, rossi.accountId(), rev(course), "Slides of week 1", 5, LessonMaterial.KIND);
        var lesson = editor.open(course, rossi.accountId())
                .course()
                .modules()
                .getFirst()
                .lessons()
                .getFirst()
                .id();

        upload(course, lesson, rossi, "week1.pdf", PNG)
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(Matchers.containsString("its content is something else")));
        upload(course, lesson, rossi, "setup.pdf", EXE).andExpect(status().isUnprocessableContent());
        upload(
                        course,
                        lesson,
                        rossi,
                        "page.html",
                        "<html><script>alert(1)</script></html>".getBytes(StandardCharsets.UTF_8))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(Matchers.containsString("cannot be offered to learners")));
        upload(course, lesson, rossi, "empty.pdf", new byte[0])
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(Matchers.containsString("Please choose a file")));
        // A professor of another university stores nothing.
        upload(course, lesson, signedIn("meier@ethz.example"), "week1.pdf", PDF).andExpect(status().isForbidden());
        assertThat(storage.list("courses/" + course + "/")).isEmpty();

        upload(course, lesson, rossi, "Week 1 – slides.pdf", PDF).andExpect(status().is3xxRedirection());
        var material = editor.open(course, rossi.accountId())
                .course()
                .modules()
                .getFirst()
                .lessons()
                .getFirst()
                .material();
        assertThat(material).isNotNull();
        assertThat(material.contentType()).isEqualTo("application/pdf");
        assertThat(material.fileName()).isEqualTo("Week 1 – slides.pdf");
        assertThat(storage.list("courses/" + course + "/")).hasSize(1);

        var draft = editor.open(course, rossi.accountId());
        editor.updateDetails(
                course,
                rossi.accountId(),
                draft.revision(),
                "en",
                "Materials course",
                "Slides to download.",
                "",
                List.of(),
                "BEGINNER",
                List.of(),
                draft.course().slug());
        assertThat(editor.publish(course, rossi.accountId(), rev(course)).ok()).isTrue();
        var slug = editor.open(course, rossi.accountId()).course().slug();
        var file = "/learn/courses/" + slug + "/lessons/" + lesson + "/file";

        var learner = signedIn("learner006@learners.sapere.test");
        mvc.perform(get(file).with(user(learner))).andExpect(status().is3xxRedirection());
        mvc.perform(post("/courses/" + slug + "/enrol").with(user(learner)).with(csrf()))
                .andExpect(status().is3xxRedirection());
        var result = mvc.perform(get(file).with(user(learner)))
                .andExpect(status().isOk())
                .andReturn();
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.asyncDispatch(result))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", "application/pdf"))
                .andExpect(header().string("X-Content-Type-Options", "nosniff"))
                .andExpect(header().string("Content-Disposition", Matchers.startsWith("attachment;")))
                .andExpect(content().bytes(PDF));
        mvc.perform(get("/learn/courses/" + slug + "/lessons/" + lesson).with(user(learner)))
                .andExpect(content().string(Matchers.containsString("Week 1 – slides.pdf")));
    }

    private ResultActions upload(UUID course, UUID lesson, SignedInUser who, String name, byte[] bytes)
            throws Exception {
        return mvc.perform(multipart("/teach/courses/" + course + "/lessons/" + lesson + "/file")
                .file(new MockMultipartFile("file", name, "application/pdf", bytes))
                .param("revision", String.valueOf(rev(course)))
                .param("text", "en")
                .with(user(who))
                .with(csrf()));
    }

    private int rev(UUID course) {
        return editor.open(course, signedIn("rossi@polimi.example").accountId()).revision();
    }

    private SignedInUser signedIn(String email) {
        return new SignedInUser(identity.accountByEmail(email).orElseThrow(), email, email, null, false, true);
    }
}
