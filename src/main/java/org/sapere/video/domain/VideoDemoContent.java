package org.sapere.video.domain;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.sapere.course.CourseAuthoring;
import org.sapere.shared.DemoContent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Profile;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The demo's video lessons ({@code demo/video/*.yaml}): slides drawn and encoded on the spot with the system's
 * ffmpeg, then processed in the background like any upload, with captions in two languages and a chapter per
 * slide. Without ffmpeg (or with {@code sapere.video.demo-videos=false}) the lessons say their video is not there yet.
 */
@Component
@Profile("!prod")
class VideoDemoContent implements DemoContent {

    private static final Logger log = LoggerFactory.getLogger(VideoDemoContent.class);

    private final CourseAuthoring courses;
    private final Uploads uploads;
    private final VideoAssets assets;
    private final CaptionEditor captionEditor;
    private final Ffmpeg ffmpeg;
    private final VideoProperties properties;
    private final boolean enabled;
    private final Clock clock;

    VideoDemoContent(
            CourseAuthoring courses,
            Uploads uploads,
            VideoAssets assets,
            CaptionEditor captionEditor,
            Ffmpeg ffmpeg,
            VideoProperties properties,
            @Value("${sapere.video.demo-videos:true}") boolean enabled,
            Optional<Clock> clock) {
        this.courses = courses;
        this.uploads = uploads;
        this.assets = assets;
        this.captionEditor = captionEditor;
        this.ffmpeg = ffmpeg;
        this.properties = properties;
        this.enabled = enabled;
        this.clock = clock.orElse(Clock.systemUTC());
    }

    @Override
    public int order() {
        return 50;
    }

    @Override
    public void load() {
        if (!enabled) {
            return;
        }
        if (!ffmpeg.available()) {
            log.warn(
                    "The demo's video lessons have no video: video processing is unavailable ({}).",
                    ffmpeg.unavailableReason().orElse(""));
            return;
        }
        try {
            for (var resource : new PathMatchingResourcePatternResolver().getResources("classpath:demo/video/*.yaml")) {
                try (var in = resource.getInputStream()) {
                    Map<String, Object> spec = new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
                    make(spec);
                }
            }
        } catch (IOException | RuntimeException e) {
            // A demo without its videos still works; say why, and carry on.
            log.warn("Could not make the demo's video lessons: {}", e.toString());
        }
    }

    /** What a demo video file describes: its slides, their captions per language, and a chapter per slide. */
    record Script(
            List<SlideVideo.Slide> slides,
            Map<String, List<Captions.Cue>> captions,
            List<Captions.Cue> chapters,
            double seconds) {}

    @SuppressWarnings("unchecked")
    static Script script(Map<String, Object> spec) {
        var slides = new ArrayList<SlideVideo.Slide>();
        var cues = new java.util.LinkedHashMap<String, List<Captions.Cue>>();
        var chapters = new ArrayList<Captions.Cue>();
        double at = 0;
        for (var s : (List<Map<String, Object>>) spec.get("slides")) {
            var seconds = (Integer) s.get("seconds");
            var points = new ArrayList<String>();
            for (var point : (List<Object>) s.getOrDefault("points", List.of())) {
                points.add((String) point);
            }
            slides.add(new SlideVideo.Slide(
                    (String) s.get("title"), (String) s.get("subtitle"), points, (String) s.get("footer"), seconds));
            chapters.add(new Captions.Cue(at, at + seconds, ((String) s.get("title")).replaceFirst("^\\d+ · ", "")));
            for (var said : ((Map<String, List<Object>>) s.get("say")).entrySet()) {
                var lines = said.getValue();
                var each = (double) seconds / lines.size();
                for (int i = 0; i < lines.size(); i++) {
                    cues.computeIfAbsent(said.getKey(), k -> new ArrayList<>())
                            .add(new Captions.Cue(at + i * each, at + (i + 1) * each - 0.2, (String) lines.get(i)));
                }
            }
            at += seconds;
        }
        return new Script(slides, cues, chapters, at);
    }

    @SuppressWarnings("unchecked")
    private void make(Map<String, Object> spec) throws IOException {
        var course = courses.outlineBySlug((String) spec.get("course")).orElseThrow();
        var lesson = course.lessons()
                .filter(l -> l.title().original().equals(spec.get("lesson")))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("no demo lesson " + spec.get("lesson")));
        var script = script(spec);
        var slides = script.slides();
        var cues = script.captions();
        var chapters = script.chapters();
        var at = script.seconds();
        var folder = Files.createTempDirectory("sapere-demo-video-");
        try {
            var file = folder.resolve((String) spec.get("file"));
            SlideVideo.encode(properties.ffmpeg(), slides, course.title().original(), folder, file);
            var lessonId = lesson.id().value();
            uploads.register(course.id().value(), lessonId, file.getFileName().toString(), file, () -> {});
            var now = clock.instant();
            assets.saveSettings(lessonId, course.id().value(), 90, Boolean.TRUE.equals(spec.get("publicPreview")), now);
            cues.forEach((language, list) -> captionEditor.save(course.id().value(), lessonId, language, list, now));
            assets.saveChapters(lessonId, course.id().value(), Captions.toVtt(chapters), now);
            log.info(
                    "Demo video lesson \"{}\" made ({} slides, {} s); it is processed in the background",
                    lesson.title().original(),
                    slides.size(),
                    Math.round(at));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            try (var paths = Files.walk(folder)) {
                paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }
}
