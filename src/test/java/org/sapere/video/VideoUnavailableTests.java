package org.sapere.video;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.sapere.course.domain.CourseEditor;
import org.sapere.identity.IdentityDirectory;
import org.sapere.identity.SignedInUser;
import org.sapere.video.domain.VideoAssets;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Without ffmpeg, Sapere still starts: the health endpoint says video processing is unavailable (overall UP), the
 * author's page says so, and uploads are refused with that reason.
 */
@SpringBootTest(properties = {"sapere.video.ffmpeg=/nonexistent/ffmpeg", "sapere.video.ffprobe=/nonexistent/ffprobe"})
@AutoConfigureMockMvc
class VideoUnavailableTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    CourseEditor editor;

    @Autowired
    IdentityDirectory identity;

    @Autowired
    VideoAssets assets;

    @Test
    void withoutFfmpegTheAppRunsAndSaysWhyVideosAreRefused() throws Exception {
        mvc.perform(get("/actuator/health"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("UP"))
                .andExpect(jsonPath("$.components.videoProcessing.status").value("UNAVAILABLE"));
        mvc.perform(get("/actuator/health/video"))
                .andExpect(jsonPath("$.status").value("UNAVAILABLE"))
                .andExpect(content().string(Matchers.containsString("ffmpeg was not found")));

        var lesson = new VideoFixtures(editor, identity, assets).courseWithVideoLesson("No ffmpeg here");
        var rossi = new SignedInUser(
                identity.accountByEmail(VideoFixtures.PROFESSOR).orElseThrow(),
                VideoFixtures.PROFESSOR,
                VideoFixtures.PROFESSOR,
                null,
                false,
                true);
        mvc.perform(get("/teach/courses/" + lesson.course() + "/lessons/" + lesson.lesson() + "/video")
                        .with(user(rossi)))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("Video processing is unavailable on this server")))
                .andExpect(content().string(Matchers.containsString("ffmpeg was not found")));
        mvc.perform(post("/teach/uploads")
                        .with(user(rossi))
                        .with(csrf())
                        .header("Tus-Resumable", "1.0.0")
                        .header("Upload-Length", "1000")
                        .header(
                                "Upload-Metadata",
                                "filename " + VideoFixtures.b64("a.mp4") + ",course "
                                        + VideoFixtures.b64(lesson.course().toString()) + ",lesson "
                                        + VideoFixtures.b64(lesson.lesson().toString())))
                .andExpect(status().isServiceUnavailable())
                .andExpect(jsonPath("$.message", Matchers.startsWith("Video processing is unavailable")));
    }

    @Test
    void anotherUniversitysProfessorCannotUploadToThisLesson() throws Exception {
        var lesson = new VideoFixtures(editor, identity, assets).courseWithVideoLesson("Not yours");
        var meier = new SignedInUser(
                identity.accountByEmail("meier@ethz.example").orElseThrow(),
                "meier@ethz.example",
                "meier@ethz.example",
                null,
                false,
                true);
        mvc.perform(post("/teach/uploads")
                        .with(user(meier))
                        .with(csrf())
                        .header("Tus-Resumable", "1.0.0")
                        .header("Upload-Length", "1000")
                        .header(
                                "Upload-Metadata",
                                "course " + VideoFixtures.b64(lesson.course().toString()) + ",lesson "
                                        + VideoFixtures.b64(lesson.lesson().toString())))
                .andExpect(status().isForbidden());
        mvc.perform(get("/teach/courses/" + lesson.course() + "/lessons/" + lesson.lesson() + "/video")
                        .with(user(meier)))
                .andExpect(status().isForbidden());
    }
}
