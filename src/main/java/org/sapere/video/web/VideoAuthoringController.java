package org.sapere.video.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.sapere.course.CourseAuthoring;
import org.sapere.course.CourseId;
import org.sapere.course.LessonId;
import org.sapere.identity.SignedInUser;
import org.sapere.shared.NotFoundException;
import org.sapere.video.domain.Captions;
import org.sapere.video.domain.Ffmpeg;
import org.sapere.video.domain.MediaSigner;
import org.sapere.video.domain.Uploads;
import org.sapere.video.domain.VideoAssets;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The author's page of a video lesson: upload (resumable, through {@link UploadController}), live processing
 * progress, a preview, captions per language, chapters, and the completion share. Every address checks that the
 * person may edit the course.
 */
@Controller
class VideoAuthoringController {

    /** Caption languages offered: the EU's official languages and a few more that universities teach in. */
    static final List<String> CAPTION_LANGUAGES = List.of(
            "en", "it", "de", "nl", "sv", "fr", "es", "pt", "pl", "cs", "sk", "sl", "hr", "hu", "ro", "bg", "el", "da",
            "fi", "et", "lv", "lt", "ga", "mt", "no", "uk", "tr", "ar", "zh", "ja");

    private final CourseAuthoring courses;
    private final VideoAssets assets;
    private final Uploads uploads;
    private final Ffmpeg ffmpeg;
    private final MediaSigner signer;
    private final org.sapere.video.domain.CaptionEditor captionEditor;
    private final Clock clock;

    VideoAuthoringController(
            CourseAuthoring courses,
            VideoAssets assets,
            Uploads uploads,
            Ffmpeg ffmpeg,
            MediaSigner signer,
            org.sapere.video.domain.CaptionEditor captionEditor,
            Optional<Clock> clock) {
        this.courses = courses;
        this.assets = assets;
        this.uploads = uploads;
        this.ffmpeg = ffmpeg;
        this.signer = signer;
        this.captionEditor = captionEditor;
        this.clock = clock.orElse(Clock.systemUTC());
    }

    @GetMapping("/teach/courses/{id}/lessons/{lessonId}/video")
    ModelAndView page(
            @PathVariable("id") UUID course,
            @PathVariable("lessonId") UUID lesson,
            @AuthenticationPrincipal SignedInUser user) {
        return page(videoLesson(course, lesson, user), null, null, null);
    }

    /** The processing state, polled by the page while a video is being processed. */
    @GetMapping("/teach/courses/{id}/lessons/{lessonId}/video/status")
    ModelAndView status(
            @PathVariable("id") UUID course,
            @PathVariable("lessonId") UUID lesson,
            @AuthenticationPrincipal SignedInUser user) {
        var draft = videoLesson(course, lesson, user);
        return new ModelAndView("video/status").addObject("status", status(draft));
    }

    @PostMapping("/teach/courses/{id}/lessons/{lessonId}/video/captions")
    ModelAndView addCaptions(
            @PathVariable("id") UUID course,
            @PathVariable("lessonId") UUID lesson,
            @RequestParam(defaultValue = "") String language,
            @RequestParam(required = false) @Nullable MultipartFile file,
            @AuthenticationPrincipal SignedInUser user,
            RedirectAttributes flash)
            throws IOException {
        var draft = videoLesson(course, lesson, user);
        if (!CAPTION_LANGUAGES.contains(language)) {
            return page(draft, new VideoAuthorView.Problem("captions", "video.captions.language", ""), null, null);
        }
        if (file == null || file.isEmpty()) {
            return page(draft, new VideoAuthorView.Problem("captions", "video.captions.missing", ""), null, null);
        }
        if (file.getSize() > Captions.MAX_BYTES) {
            return page(draft, new VideoAuthorView.Problem("captions", "video.captions.tooLarge", 1), null, null);
        }
        var bytes = file.getBytes();
        String text;
        try {
            text = StandardCharsets.UTF_8
                    .newDecoder()
                    .decode(java.nio.ByteBuffer.wrap(bytes))
                    .toString();
        } catch (java.nio.charset.CharacterCodingException e) {
            return page(draft, new VideoAuthorView.Problem("captions", "video.captions.encoding", ""), null, null);
        }
        List<Captions.Cue> cues;
        try {
            cues = Captions.parse(text);
        } catch (Captions.InvalidCaptionsException e) {
            return page(draft, new VideoAuthorView.Problem("captions", e.messageKey(), e.line()), null, null);
        }
        captionEditor.save(course, lesson, language, cues, clock.instant());
        flash.addFlashAttribute("notice", "video.captions.saved");
        return redirect(course, lesson, "captions");
    }

    @PostMapping("/teach/courses/{id}/lessons/{lessonId}/video/captions/{language}/delete")
    ModelAndView deleteCaptions(
            @PathVariable("id") UUID course,
            @PathVariable("lessonId") UUID lesson,
            @PathVariable String language,
            @AuthenticationPrincipal SignedInUser user,
            RedirectAttributes flash) {
        videoLesson(course, lesson, user);
        if (captionEditor.delete(course, lesson, language)) {
            flash.addFlashAttribute("notice", "video.captions.deleted");
        }
        return redirect(course, lesson, "captions");
    }

    @PostMapping("/teach/courses/{id}/lessons/{lessonId}/video/chapters")
    ModelAndView chapters(
            @PathVariable("id") UUID course,
            @PathVariable("lessonId") UUID lesson,
            @RequestParam(defaultValue = "") String chapters,
            @AuthenticationPrincipal SignedInUser user,
            RedirectAttributes flash) {
        var draft = videoLesson(course, lesson, user);
        if (chapters.length() > 20_000) {
            return page(draft, new VideoAuthorView.Problem("chapters", "video.chapters.tooLong", ""), chapters, null);
        }
        var duration =
                assets.latest(lesson).map(VideoAssets.Asset::durationSeconds).orElse(0.0);
        List<Captions.Cue> parsed;
        try {
            parsed = Captions.chapters(chapters, duration);
        } catch (Captions.InvalidCaptionsException e) {
            return page(draft, new VideoAuthorView.Problem("chapters", e.messageKey(), e.line()), chapters, null);
        }
        assets.saveChapters(lesson, course, parsed.isEmpty() ? null : Captions.toVtt(parsed), clock.instant());
        flash.addFlashAttribute("notice", "video.chapters.saved");
        return redirect(course, lesson, "chapters");
    }

    @PostMapping("/teach/courses/{id}/lessons/{lessonId}/video/settings")
    ModelAndView settings(
            @PathVariable("id") UUID course,
            @PathVariable("lessonId") UUID lesson,
            @RequestParam(defaultValue = "") String completionPercent,
            @RequestParam(defaultValue = "false") boolean publicPreview,
            @AuthenticationPrincipal SignedInUser user,
            RedirectAttributes flash) {
        var draft = videoLesson(course, lesson, user);
        int percent;
        try {
            percent = Integer.parseInt(completionPercent.strip());
        } catch (NumberFormatException e) {
            percent = -1;
        }
        if (percent < 10 || percent > 100) {
            return page(
                    draft,
                    new VideoAuthorView.Problem("completionPercent", "video.settings.percent", ""),
                    null,
                    completionPercent);
        }
        assets.saveSettings(lesson, course, percent, publicPreview, clock.instant());
        flash.addFlashAttribute("notice", "video.settings.saved");
        return redirect(course, lesson, "settings");
    }

    private VideoAuthorView.Status status(CourseAuthoring.DraftLesson draft) {
        var latest = assets.latest(draft.lesson().value()).orElse(null);
        var current = assets.current(draft.lesson().value()).orElse(null);
        var statusUrl = base(draft.course().value(), draft.lesson().value()) + "/status";
        var unavailable = ffmpeg.unavailableReason().orElse(null);
        if (latest == null) {
            return new VideoAuthorView.Status("NONE", 0, null, null, null, 0, List.of(), null, unavailable, statusUrl);
        }
        var shown = latest.ready() || current == null ? latest : current;
        var poster = current == null
                ? null
                : "/media/v/" + current.id() + "/" + signer.token(current.id(), clock.instant()) + "/poster.jpg";
        return new VideoAuthorView.Status(
                latest.state(),
                latest.progress(),
                latest.fileName(),
                latest.error(),
                latest.errorDetail(),
                shown.durationSeconds(),
                shown.renditions(),
                poster,
                unavailable,
                statusUrl);
    }

    private ModelAndView page(
            CourseAuthoring.DraftLesson draft,
            VideoAuthorView.@Nullable Problem problem,
            @Nullable String typedChapters,
            @Nullable String typedPercent) {
        var lesson = draft.lesson().value();
        var settings = assets.settings(lesson);
        var current = assets.current(lesson).orElse(null);
        var chapters = typedChapters != null
                ? typedChapters
                : settings.chapters() == null ? "" : Captions.chapterLines(Captions.parse(settings.chapters()));
        var preview = current == null
                ? null
                : "/media/v/" + current.id() + "/" + signer.token(current.id(), clock.instant()) + "/";
        return new ModelAndView("video/author")
                .addObject("draft", draft)
                .addObject("base", base(draft.course().value(), lesson))
                .addObject("status", status(draft))
                .addObject("settings", settings)
                .addObject(
                        "percent", typedPercent != null ? typedPercent : Integer.toString(settings.completionPercent()))
                .addObject("captions", assets.captions(lesson))
                .addObject("captionLanguages", CAPTION_LANGUAGES)
                .addObject("chapters", chapters)
                .addObject("preview", preview)
                .addObject("maxGigabytes", uploads.maxBytes() / (1024L * 1024 * 1024))
                .addObject("chunkBytes", Math.min(uploads.maxChunkBytes(), 8L * 1024 * 1024))
                .addObject("problem", problem);
    }

    private CourseAuthoring.DraftLesson videoLesson(UUID course, UUID lesson, SignedInUser user) {
        var draft = courses.draftLesson(new CourseId(course), new LessonId(lesson), user.accountId());
        if (!org.sapere.video.VideoLessons.KIND.equals(draft.kind())) {
            throw new NotFoundException("video lesson " + lesson);
        }
        return draft;
    }

    private static String base(UUID course, UUID lesson) {
        return "/teach/courses/" + course + "/lessons/" + lesson + "/video";
    }

    private static ModelAndView redirect(UUID course, UUID lesson, String anchor) {
        return new ModelAndView("redirect:" + base(course, lesson) + "#" + anchor);
    }
}
