package org.sapere.video;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.sapere.course.CourseAuthoring;
import org.sapere.course.CourseOutline;
import org.sapere.course.LessonId;
import org.sapere.enrolment.Registrar;
import org.sapere.identity.AccountId;
import org.sapere.shared.NotFoundException;
import org.sapere.video.domain.Captions;
import org.sapere.video.domain.Coverage;
import org.sapere.video.domain.MediaSigner;
import org.sapere.video.domain.VideoAssets;
import org.sapere.video.domain.Viewings;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The video module's facade for the course player and the catalogue: what a learner's player shows, the reports
 * of what they watched, and the lessons' transcripts.
 */
@Service
public class VideoLessons {

    private final VideoAssets assets;
    private final Viewings viewings;
    private final MediaSigner signer;
    private final CourseAuthoring courses;
    private final Registrar registrar;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    VideoLessons(
            VideoAssets assets,
            Viewings viewings,
            MediaSigner signer,
            CourseAuthoring courses,
            Registrar registrar,
            ApplicationEventPublisher events,
            Optional<Clock> clock) {
        this.assets = assets;
        this.viewings = viewings;
        this.signer = signer;
        this.courses = courses;
        this.registrar = registrar;
        this.events = events;
        this.clock = clock.orElse(Clock.systemUTC());
    }

    /** The lesson kind this module contributes. */
    public static final org.sapere.course.LessonKind KIND = new org.sapere.course.LessonKind("video");

    /** Whether a lesson is a video lesson (so the player shows a video and no "mark as complete"). */
    public static boolean isVideo(CourseOutline.LessonOutline lesson) {
        return KIND.equals(lesson.kind());
    }

    /** The player of a video lesson for an enrolled learner; opening it starts the clock for coverage. */
    @Transactional
    public VideoPlayer player(AccountId learner, CourseOutline course, LessonId lesson, Locale locale) {
        var settings = assets.settings(lesson.value());
        var progressUrl = "/learn/video/" + lesson + "/progress";
        var asset = assets.current(lesson.value()).orElse(null);
        if (asset == null) {
            var latest = assets.latest(lesson.value());
            return new VideoPlayer(
                    Optional.empty(),
                    latest.map(a -> a.failed() ? "failed" : "processing").orElse("none"),
                    0,
                    0,
                    0,
                    settings.completionPercent(),
                    false,
                    List.of(),
                    List.of(),
                    List.of(),
                    List.of(),
                    progressUrl,
                    false);
        }
        var now = clock.instant();
        viewings.opened(learner.value(), lesson.value(), course.id().value(), asset.id(), now);
        var viewing = viewings.find(learner.value(), lesson.value()).orElseThrow();
        var duration = asset.durationSeconds();
        var resumeAt = viewing.position() >= duration - 5 ? 0 : viewing.position();
        var watched = viewing.asset().equals(asset.id()) ? viewing.watched().seconds() : 0;
        var media = "/media/v/" + asset.id() + "/" + signer.token(asset.id(), now) + "/";
        return build(
                asset,
                media,
                settings,
                locale,
                course.language(),
                resumeAt,
                percent(watched, duration),
                viewing.completedAt() != null,
                progressUrl,
                false);
    }

    /**
     * The course's public preview video (the first lesson whose author marked its video public), for anyone on the
     * course page: served without a signature, and nothing is recorded.
     */
    public Optional<VideoPlayer> publicPreview(CourseOutline course, Locale locale) {
        var lessons = course.lessons().map(l -> l.id().value()).toList();
        return assets.publicLessons(lessons).stream()
                .map(assets::current)
                .flatMap(Optional::stream)
                .findFirst()
                .map(asset -> build(
                        asset,
                        "/media/v/" + asset.id() + "/public/",
                        assets.settings(asset.lesson()),
                        locale,
                        course.language(),
                        0,
                        0,
                        false,
                        "",
                        true));
    }

    private VideoPlayer build(
            VideoAssets.Asset asset,
            String media,
            VideoAssets.Settings settings,
            Locale locale,
            String courseLanguage,
            double resumeAt,
            int watchedPercent,
            boolean completed,
            String progressUrl,
            boolean preview) {
        var captions = assets.captions(asset.lesson());
        var preferred = captions.stream()
                .map(VideoAssets.Caption::language)
                .filter(l -> l.equals(locale.getLanguage()))
                .findFirst()
                .or(() -> captions.stream()
                        .map(VideoAssets.Caption::language)
                        .filter(l -> l.equals(courseLanguage))
                        .findFirst())
                .or(() -> captions.stream().map(VideoAssets.Caption::language).findFirst())
                .orElse("");
        var tracks = captions.stream()
                .map(c -> new VideoPlayer.Track(
                        c.language(),
                        media + "captions/" + c.language() + ".vtt",
                        c.language().equals(preferred)))
                .toList();
        var transcripts = new ArrayList<VideoPlayer.Transcript>();
        for (var c : captions) {
            transcripts.add(new VideoPlayer.Transcript(
                    c.language(),
                    Captions.parse(c.vtt()).stream()
                            .map(q -> new VideoPlayer.Cue(q.start(), q.end(), q.text()))
                            .toList()));
        }
        var chapters = settings.chapters() == null
                ? List.<VideoPlayer.Chapter>of()
                : Captions.parse(settings.chapters()).stream()
                        .map(q -> new VideoPlayer.Chapter(q.start(), q.text()))
                        .toList();
        return new VideoPlayer(
                Optional.of(media),
                "ready",
                asset.durationSeconds(),
                resumeAt,
                watchedPercent,
                settings.completionPercent(),
                completed,
                tracks,
                chapters,
                transcripts,
                asset.renditions(),
                progressUrl,
                preview);
    }

    /** A report from the player: where it is and what was played since the last report. */
    public record Report(double position, Instant at, List<Coverage.Interval> played) {}

    /** What the player learns back: where the server has the learner, and how much is watched. */
    public record Progress(
            double position, int watchedPercent, int completionPercent, boolean completed, boolean capped) {}

    /**
     * Records a report for an enrolled learner; when the watched share reaches the lesson's completion share,
     * {@link VideoWatched} is published (once).
     *
     * @throws NotFoundException when the lesson has no published video
     * @throws org.springframework.security.access.AccessDeniedException when the learner is not enrolled
     */
    @Transactional
    public Progress report(AccountId learner, LessonId lesson, Report report) {
        var asset = assets.current(lesson.value()).orElseThrow(() -> new NotFoundException("video of " + lesson));
        var course = courses.outline(new org.sapere.course.CourseId(asset.course()))
                .filter(c -> c.lesson(lesson).isPresent())
                .orElseThrow(() -> new NotFoundException("lesson " + lesson));
        if (!registrar.isEnrolled(learner, course.id())) {
            throw new org.springframework.security.access.AccessDeniedException("not enrolled in " + course.slug());
        }
        var settings = assets.settings(lesson.value());
        var duration = asset.durationSeconds();
        var outcome = viewings.report(
                learner.value(),
                lesson.value(),
                course.id().value(),
                asset.id(),
                duration,
                duration * settings.completionPercent() / 100.0,
                report.position(),
                report.at(),
                report.played(),
                clock.instant());
        if (outcome.completedNow()) {
            events.publishEvent(new VideoWatched(learner, course.id(), lesson));
        }
        return new Progress(
                outcome.position(),
                percent(outcome.watchedSeconds(), duration),
                settings.completionPercent(),
                outcome.completed(),
                outcome.capped());
    }

    /**
     * Where the learner stopped in each video among these lessons that they started and have not finished: the
     * second to resume at, and the seconds still to watch. One query, for "My learning" and "I have N minutes".
     */
    public Map<LessonId, Resume> unfinished(AccountId learner, Collection<LessonId> lessons) {
        return viewings
                .unfinished(
                        learner.value(), lessons.stream().map(LessonId::value).toList())
                .stream()
                .filter(u -> u.position() > 0 && u.position() < u.durationSeconds() - 5)
                .collect(Collectors.toMap(
                        u -> new LessonId(u.lesson()),
                        u -> new Resume(u.position(), u.durationSeconds() - u.position())));
    }

    /** Where to resume a video, and how many seconds of it are left. */
    public record Resume(double position, double secondsLeft) {

        /** The resume point as m:ss or h:mm:ss. */
        public String clock() {
            return VideoPlayer.clock(position);
        }
    }

    /** The captions' text of these lessons (all languages), for the catalogue's search. */
    public Map<LessonId, String> transcripts(Collection<LessonId> lessons) {
        return assets.transcripts(lessons.stream().map(LessonId::value).toList()).entrySet().stream()
                .collect(Collectors.toMap(e -> new LessonId(e.getKey()), Map.Entry::getValue));
    }

    private static int percent(double part, double whole) {
        return whole <= 0 ? 0 : (int) Math.min(100, Math.floor(100 * part / whole + 1e-9));
    }
}
