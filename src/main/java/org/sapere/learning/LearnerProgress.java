package org.sapere.learning;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.sapere.assessment.QuizLessons;
import org.sapere.course.CourseAuthoring;
import org.sapere.course.CourseOutline;
import org.sapere.course.LessonId;
import org.sapere.enrolment.Registrar;
import org.sapere.identity.AccountId;
import org.sapere.learning.domain.Progress;
import org.sapere.shared.NotFoundException;
import org.sapere.video.VideoLessons;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The learning module's facade: records progress and answers what a learner has done and what comes next. */
@Service
public class LearnerProgress {

    private final Progress progress;
    private final CourseAuthoring courses;
    private final Registrar registrar;
    private final ApplicationEventPublisher events;
    private final QuizLessons quizzes;
    private final Clock clock;
    private final VideoLessons videos;

    /** How far back a report from the player may date its steps (a phone offline for a long journey). */
    static final Duration OLDEST_STEP = Duration.ofDays(30);

    LearnerProgress(
            Progress progress,
            CourseAuthoring courses,
            Registrar registrar,
            ApplicationEventPublisher events,
            QuizLessons quizzes,
            VideoLessons videos,
            Optional<Clock> clock) {
        this.videos = videos;
        this.quizzes = quizzes;
        this.clock = clock.orElse(Clock.systemUTC());
        this.progress = progress;
        this.courses = courses;
        this.registrar = registrar;
        this.events = events;
    }

    /**
     * Marks a lesson complete for an enrolled learner. Completing it again changes nothing; completing the last
     * lesson completes the course (once), provided the learner meets the course's passing rule (assessment).
     */
    @Transactional
    public CourseProgress complete(AccountId learner, CourseOutline course, LessonId lesson) {
        if (course.lesson(lesson).isEmpty()) {
            throw new NotFoundException("lesson " + lesson);
        }
        if (!registrar.isEnrolled(learner, course.id())) {
            throw new NotEnrolledException(course.slug());
        }
        if (progress.complete(learner.value(), course.id().value(), lesson.value())) {
            events.publishEvent(new LessonCompleted(learner, course.id(), lesson, clock.instant()));
        }
        var now = of(learner, course);
        completeCourseIfDone(learner, course, now);
        return now;
    }

    /**
     * The learner opened a lesson in the player: it is started (if it was not), and the step is recorded.
     *
     * @throws NotEnrolledException when the learner is not enrolled
     */
    @Transactional
    public void opened(AccountId learner, CourseOutline course, LessonId lesson) {
        var registration =
                registrar.registration(learner, course.id()).orElseThrow(() -> new NotEnrolledException(course.slug()));
        var now = clock.instant();
        progress.touch(learner.value(), course.id().value(), lesson.value(), now, null);
        events.publishEvent(new LearningActivity(
                learner,
                course.id(),
                registration,
                List.of(new LearningActivity.Step(
                        UUID.randomUUID(),
                        lesson,
                        course.lesson(lesson).map(VideoLessons::isVideo).orElse(false),
                        LearningActivity.Verb.LAUNCHED,
                        now,
                        null))));
    }

    /**
     * One step the player reports: {@code verb} is a {@link LearningActivity.Verb} name or {@code completed} (a
     * reading or material the learner marked complete, perhaps while offline).
     */
    public record Heartbeat(
            UUID id,
            LessonId lesson,
            String verb,
            Instant at,
            @Nullable Double position) {}

    /** What became of a batch: steps recorded, and steps refused (an unknown lesson, a course left, too old). */
    public record Recorded(int accepted, int refused) {}

    /**
     * Records a batch of the player's heartbeats in one transaction. A step's moment is the learner's (later than
     * now counts as now); the resume point of each lesson moves only forward in time, so a late, older report never
     * moves it back, and a step sent twice (the same id) changes nothing more. Steps of lessons in courses the
     * learner is not enrolled in are refused, the rest recorded.
     */
    @Transactional
    public Recorded record(AccountId learner, List<Heartbeat> batch) {
        var now = clock.instant();
        var byCourse = new LinkedHashMap<CourseOutline, List<Heartbeat>>();
        var refused = 0;
        for (var beat : batch) {
            var course = courses.outlineOfLesson(beat.lesson()).orElse(null);
            if (course == null || beat.at().isBefore(now.minus(OLDEST_STEP))) {
                refused++;
                continue;
            }
            var at = beat.at().isAfter(now) ? now : beat.at();
            byCourse.computeIfAbsent(course, c -> new ArrayList<>())
                    .add(new Heartbeat(beat.id(), beat.lesson(), beat.verb(), at, beat.position()));
        }
        var accepted = 0;
        for (var entry : byCourse.entrySet()) {
            var course = entry.getKey();
            var registration = registrar.registration(learner, course.id()).orElse(null);
            if (registration == null) {
                refused += entry.getValue().size();
                continue;
            }
            var steps = new ArrayList<LearningActivity.Step>();
            var latest = new HashMap<LessonId, Heartbeat>();
            var completed = new ArrayList<LessonId>();
            for (var beat : entry.getValue()) {
                accepted++;
                if ("completed".equals(beat.verb())) {
                    completed.add(beat.lesson());
                } else {
                    steps.add(new LearningActivity.Step(
                            beat.id(),
                            beat.lesson(),
                            course.lesson(beat.lesson())
                                    .map(VideoLessons::isVideo)
                                    .orElse(false),
                            LearningActivity.Verb.valueOf(beat.verb().toUpperCase(java.util.Locale.ROOT)),
                            beat.at(),
                            beat.position()));
                }
                latest.merge(beat.lesson(), beat, (a, b) -> b.at().isAfter(a.at()) ? b : a);
            }
            // One write per lesson: its latest step with a position sets the resume point (if later than the stored).
            for (var lesson : latest.keySet()) {
                var withPosition = entry.getValue().stream()
                        .filter(b -> b.lesson().equals(lesson) && b.position() != null)
                        .max(java.util.Comparator.comparing(Heartbeat::at));
                progress.touch(
                        learner.value(),
                        course.id().value(),
                        lesson.value(),
                        withPosition
                                .map(Heartbeat::at)
                                .orElse(latest.get(lesson).at()),
                        withPosition.map(Heartbeat::position).orElse(null));
            }
            for (var lesson : completed) {
                var kind = course.lesson(lesson).orElseThrow().kind();
                if (courses.learnerMarksComplete(kind)) {
                    complete(learner, course, lesson);
                }
            }
            if (!steps.isEmpty()) {
                events.publishEvent(new LearningActivity(learner, course.id(), registration, steps));
            }
        }
        return new Recorded(accepted, refused);
    }

    /** Completes the course (once) when every lesson is done and the course's passing rule is met. */
    void completeCourseIfDone(AccountId learner, CourseOutline course, CourseProgress now) {
        if (now.courseCompleted()
                && quizzes.meetsPassingRule(learner, course.id())
                && progress.completeCourse(learner.value(), course.id().value(), course.version())) {
            events.publishEvent(new CourseCompleted(learner, course.id(), course.version(), clock.instant()));
        }
    }

    public CourseProgress of(AccountId learner, CourseOutline course) {
        return new CourseProgress(
                course, progress.completedLessons(learner.value(), course.id().value()));
    }

    /**
     * The learner's courses with their progress, most recently enrolled first, and where "Continue" leads: the lesson
     * the learner was in last (at the second they stopped, for a video) unless it is done, else the next lesson of
     * that course; with no such lesson, the next lesson of the first unfinished course. Three queries in all.
     */
    public Dashboard dashboard(AccountId learner) {
        var enrolments = registrar.enrolments(learner);
        var done = progress.completedLessonsByCourse(
                learner.value(),
                enrolments.stream().map(e -> e.course().value()).toList());
        var outlines = enrolments.stream()
                .map(e -> this.courses.outline(e.course()))
                .flatMap(Optional::stream)
                .toList();
        var startedVideos = outlines.stream()
                .flatMap(c -> c.lessons()
                        .filter(VideoLessons::isVideo)
                        .filter(l -> !done.lessons()
                                .getOrDefault(c.id().value(), Set.of())
                                .contains(l.id())))
                .map(CourseOutline.LessonOutline::id)
                .toList();
        var resumes = startedVideos.isEmpty()
                ? Map.<LessonId, VideoLessons.Resume>of()
                : videos.unfinished(learner, startedVideos);
        var courses = outlines.stream()
                .map(c -> new CourseProgress(
                        c,
                        done.lessons().getOrDefault(c.id().value(), Set.of()),
                        c.lessons()
                                .filter(l -> resumes.containsKey(l.id()))
                                .collect(java.util.stream.Collectors.toMap(
                                        CourseOutline.LessonOutline::id, l -> resumes.get(l.id())))))
                .toList();
        var unfinished = courses.stream().filter(p -> !p.courseCompleted()).toList();
        Optional<ContinuePoint> next = done.last()
                .flatMap(last -> unfinished.stream()
                        .filter(p -> p.course().id().value().equals(last.course()))
                        .findFirst()
                        .flatMap(p -> continueIn(p, last)));
        if (next.isEmpty()) {
            next = unfinished.stream()
                    .findFirst()
                    .flatMap(p -> p.nextLesson()
                            .map(l -> new ContinuePoint(p, l, p.videos().get(l.id()))));
        }
        return new Dashboard(courses, next);
    }

    private static Optional<ContinuePoint> continueIn(CourseProgress course, Progress.Last last) {
        var lesson = course.course().lesson(last.lesson());
        if (lesson.isPresent() && !last.completed()) {
            return Optional.of(
                    new ContinuePoint(course, lesson.get(), course.videos().get(last.lesson())));
        }
        // The last lesson is done (or gone): the first unfinished lesson after it, else the first unfinished one.
        var lessons = course.course().lessons().toList();
        var from = lesson.map(lessons::indexOf).orElse(-1) + 1;
        return lessons.subList(from, lessons.size()).stream()
                .filter(l -> !course.isCompleted(l.id()))
                .findFirst()
                .or(course::nextLesson)
                .map(l -> new ContinuePoint(course, l, course.videos().get(l.id())));
    }

    /**
     * "I have N minutes": the next lessons across the learner's unfinished courses that fit into the minutes, in the
     * order they are to be done — the course the learner was in last first, each course's lessons in course order
     * (a lesson that does not fit ends that course's part, so no lesson is skipped), the rest of a half-watched
     * video counting as its remaining minutes.
     */
    public List<PlaylistItem> playlist(AccountId learner, int minutes) {
        var dashboard = dashboard(learner);
        var order = new ArrayList<CourseProgress>();
        dashboard.continueWith().ifPresent(c -> order.add(c.course()));
        dashboard.courses().stream()
                .filter(p -> !p.courseCompleted() && !order.contains(p))
                .forEach(order::add);
        var items = new ArrayList<PlaylistItem>();
        var left = minutes;
        for (var course : order) {
            var lessons = course.course().lessons().toList();
            var start = dashboard
                    .continueWith()
                    .filter(c -> c.course() == course)
                    .map(c -> lessons.indexOf(c.lesson()))
                    .orElse(0);
            for (var lesson : lessons.subList(start, lessons.size())) {
                if (course.isCompleted(lesson.id())) {
                    continue;
                }
                var cost = course.minutesLeft(lesson);
                if (cost > left) {
                    break;
                }
                items.add(new PlaylistItem(
                        course.course(), lesson, cost, course.videos().get(lesson.id())));
                left -= cost;
            }
            if (left == 0) {
                break;
            }
        }
        return items;
    }

    /** What "My learning" shows. */
    public record Dashboard(List<CourseProgress> courses, Optional<ContinuePoint> continueWith) {}

    /** Where "Continue" leads: a lesson, and for a half-watched video the second to resume at. */
    public record ContinuePoint(
            CourseProgress course, CourseOutline.LessonOutline lesson, VideoLessons.@Nullable Resume video) {}

    /** A lesson of an "I have N minutes" list, with the minutes it still takes. */
    public record PlaylistItem(
            CourseOutline course,
            CourseOutline.LessonOutline lesson,
            int minutes,
            VideoLessons.@Nullable Resume video) {}
}
