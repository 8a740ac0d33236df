package org.sapere.video.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.sapere.support.TestVideos;

/** The demo's slides are drawn at 1280×720 and encoded into a video of the slides' total length. */
class SlideVideoTests {

    @Test
    void theDemoVideoFilesReadAsSlidesCaptionsAndChapters() throws Exception {
        var resolver = new org.springframework.core.io.support.PathMatchingResourcePatternResolver();
        var files = resolver.getResources("classpath:demo/video/*.yaml");
        assertThat(files).isNotEmpty();
        for (var file : files) {
            try (var in = file.getInputStream()) {
                java.util.Map<String, Object> spec = new org.yaml.snakeyaml.Yaml(
                                new org.yaml.snakeyaml.constructor.SafeConstructor(
                                        new org.yaml.snakeyaml.LoaderOptions()))
                        .load(in);
                var script = VideoDemoContent.script(spec);
                assertThat(script.slides()).hasSizeGreaterThanOrEqualTo(3);
                assertThat(script.captions()).containsKeys("en");
                script.captions()
                        .values()
                        .forEach(cues ->
                                assertThat(Captions.parse(Captions.toVtt(cues))).hasSameSizeAs(cues));
                assertThat(script.chapters()).hasSameSizeAs(script.slides());
                assertThat(script.seconds()).isBetween(30.0, 600.0);
            }
        }
    }

    @Test
    void slidesAreDrawnAndEncoded() throws Exception {
        TestVideos.requireFfmpeg();
        var slides = List.of(
                new SlideVideo.Slide(
                        "The project life cycle at a glance",
                        "Project Management Essentials · Module 1",
                        List.of(),
                        "Prof. Chiara Rossi · Politecnico di Milano",
                        3),
                new SlideVideo.Slide(
                        "2 · Planning",
                        null,
                        List.of(
                                "Scope and deliverables, broken down into work packages",
                                "Schedule, dependencies and the critical path",
                                "Effort, budget and the main risks"),
                        null,
                        2));
        var shots = Files.createDirectories(Path.of("target", "screenshots"));
        for (int i = 0; i < slides.size(); i++) {
            ImageIO.write(
                    SlideVideo.draw(slides.get(i), "Project Management Essentials", i + 1, 2),
                    "png",
                    shots.resolve("video-slide-" + (i + 1) + ".png").toFile());
        }
        var folder = Files.createTempDirectory("slides");
        var out = folder.resolve("slides.mp4");
        SlideVideo.encode("ffmpeg", slides, "Project Management Essentials", folder, out);
        var probe = new Ffmpeg(new VideoProperties(
                        "ffmpeg",
                        "ffprobe",
                        "veryfast",
                        0,
                        4,
                        1080,
                        org.springframework.util.unit.DataSize.ofGigabytes(8),
                        org.springframework.util.unit.DataSize.ofMegabytes(32),
                        null,
                        java.time.Duration.ofHours(24),
                        java.time.Duration.ofHours(6),
                        null))
                .probe(out);
        assertThat(probe.width()).isEqualTo(1280);
        assertThat(probe.height()).isEqualTo(720);
        assertThat(probe.hasAudio()).isTrue();
        assertThat(probe.durationSeconds()).isBetween(4.8, 5.3);
    }
}
