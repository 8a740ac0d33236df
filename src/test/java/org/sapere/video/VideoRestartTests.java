package org.sapere.video;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.sapere.course.domain.CourseEditor;
import org.sapere.identity.IdentityDirectory;
import org.sapere.jobs.JobStatus;
import org.sapere.jobs.Jobs;
import org.sapere.jobs.domain.JobWorker;
import org.sapere.support.TestVideos;
import org.sapere.support.WebSession;
import org.sapere.video.domain.VideoAssets;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A restart in the middle of a transcode: the worker stops as it does on shutdown (ffmpeg is killed, the job goes
 * back to the queue), starts again as a new start would, and the same job then finishes the video. (A crash
 * without a shutdown is the jobs module's lease takeover, tested in JobsTests.)
 */
@Tag("video")
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"sapere.video.preset=ultrafast", "sapere.jobs.poll-interval=200ms"})
class VideoRestartTests {

    @LocalServerPort
    int port;

    @Autowired
    CourseEditor editor;

    @Autowired
    IdentityDirectory identity;

    @Autowired
    VideoAssets assets;

    @Autowired
    JobWorker worker;

    @Autowired
    Jobs jobs;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aTranscodeInterruptedByARestartFinishesAfterwards() throws Exception {
        TestVideos.requireFfmpeg();
        var fixtures = new VideoFixtures(editor, identity, assets);
        var lesson = fixtures.courseWithVideoLesson("Restart during transcoding");
        var professor = new WebSession(port).signIn(VideoFixtures.PROFESSOR);
        var id = VideoFixtures.upload(professor, lesson, TestVideos.clip(1280, 720, 30));
        var job = jdbc.sql("SELECT job_id FROM video.asset WHERE id = :id")
                .param("id", id)
                .query(java.util.UUID.class)
                .single();

        // Wait until ffmpeg is at work, then stop the worker as a shutdown does.
        var deadline = Instant.now().plusSeconds(60);
        while (!(assets.find(id).orElseThrow().state().equals("PROCESSING")
                        && assets.find(id).orElseThrow().progress() > 0)
                && Instant.now().isBefore(deadline)) {
            Thread.sleep(100);
        }
        assertThat(assets.find(id).orElseThrow().state()).isEqualTo("PROCESSING");
        try {
            worker.stop();
            assertThat(jobs.status(job).orElseThrow().state()).isEqualTo(JobStatus.State.QUEUED);
            assertThat(assets.find(id).orElseThrow().state()).isEqualTo("QUEUED");
            assertThat(assets.find(id).orElseThrow().ready()).isFalse();
        } finally {
            worker.start();
        }

        var done = fixtures.awaitProcessed(id, Duration.ofMinutes(4));
        assertThat(done.state()).as(String.valueOf(done.errorDetail())).isEqualTo("READY");
        assertThat(done.durationSeconds()).isBetween(29.5, 30.5);
        assertThat(done.renditions()).containsExactly(360, 540, 720);
        assertThat(jobs.status(job).orElseThrow().state()).isEqualTo(JobStatus.State.SUCCEEDED);
    }
}
