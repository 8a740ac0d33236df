package org.sapere.learning.notes;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.sapere.course.CourseAuthoring;
import org.sapere.course.CourseId;
import org.sapere.course.CourseOutline;
import org.sapere.course.CourseOutline.LessonOutline;
import org.sapere.enrolment.Registrar;
import org.sapere.identity.AccountId;
import org.sapere.learning.NotEnrolledException;
import org.sapere.shared.NotFoundException;
import org.sapere.video.VideoLessons;
import org.springframework.stereotype.Service;

/**
 * A learner's private notes and bookmarks on lessons. Writing needs an enrolment in the lesson's course; reading
 * and changing only ever reach the learner's own notes.
 */
@Service
public class LessonNotes {

    private final Notes notes;
    private final Bookmarks bookmarks;
    private final CourseAuthoring courses;
    private final Registrar registrar;

    LessonNotes(Notes notes, Bookmarks bookmarks, CourseAuthoring courses, Registrar registrar) {
        this.notes = notes;
        this.bookmarks = bookmarks;
        this.courses = courses;
        this.registrar = registrar;
    }

    /** A lesson of a course the learner is enrolled in. */
    record Located(CourseOutline course, LessonOutline lesson) {

        String url() {
            return lessonUrl(course, lesson);
        }
    }

    /** The panel under a lesson of a course the learner is enrolled in. */
    public NotesPanel panel(AccountId learner, CourseOutline course, LessonOutline lesson) {
        if (!registrar.isEnrolled(learner, course.id())) {
            throw new NotEnrolledException(course.slug());
        }
        var id = lesson.id().value();
        return new NotesPanel(
                lessonUrl(course, lesson),
                id,
                learner.value(),
                VideoLessons.isVideo(lesson),
                bookmarks.isSet(learner.value(), id),
                notes.onLesson(learner.value(), id),
                UUID.randomUUID());
    }

    /**
     * Stores a note sent by the player's script under the id the browser chose: the same id again is the same
     * note. The lesson must be in one of the learner's courses ({@link NotFoundException} otherwise); an id taken
     * by a note that is not the learner's on this lesson is refused ({@link NoteConflictException}).
     */
    Notes.Saved put(AccountId learner, UUID id, UUID lesson, @Nullable String body, @Nullable Double second) {
        var text = NoteText.clean(body);
        var at = NoteText.second(second);
        var place = inTheLearnersCourses(learner, lesson);
        return notes.put(
                        id,
                        learner.value(),
                        place.course().id().value(),
                        lesson,
                        VideoLessons.isVideo(place.lesson()) ? at : null,
                        text)
                .orElseThrow(() -> new NoteConflictException(id));
    }

    /** A note from the panel's form (no script): like {@link #put}, with the lesson named by its course. */
    Located add(AccountId learner, String slug, UUID lesson, UUID id, @Nullable String body, @Nullable String second) {
        var place = enrolled(learner, slug, lesson);
        var text = NoteText.clean(body);
        var at = NoteText.second(second);
        notes.put(
                        id,
                        learner.value(),
                        place.course().id().value(),
                        lesson,
                        VideoLessons.isVideo(place.lesson()) ? at : null,
                        text)
                .orElseThrow(() -> new NoteConflictException(id));
        return place;
    }

    Located edit(AccountId learner, String slug, UUID lesson, UUID id, @Nullable String body) {
        var place = enrolled(learner, slug, lesson);
        if (!notes.edit(id, learner.value(), lesson, NoteText.clean(body))) {
            throw new NotFoundException("note " + id);
        }
        return place;
    }

    Located delete(AccountId learner, String slug, UUID lesson, UUID id) {
        var place = enrolled(learner, slug, lesson);
        if (!notes.delete(id, learner.value(), lesson)) {
            throw new NotFoundException("note " + id);
        }
        return place;
    }

    Located bookmark(AccountId learner, String slug, UUID lesson, boolean bookmarked) {
        var place = enrolled(learner, slug, lesson);
        bookmarks.set(learner.value(), place.course().id().value(), lesson, bookmarked);
        return place;
    }

    /**
     * Everything the learner wrote, by course (most recently written first) and lesson (in the course's order),
     * and their bookmarks; only {@code courseSlug}'s when it names one of those courses.
     */
    NotesOverview overview(AccountId learner, @Nullable String courseSlug) {
        var all = notes.all(learner.value());
        var marks = bookmarks.all(learner.value());
        var ids = new LinkedHashSet<UUID>();
        all.forEach(n -> ids.add(n.course()));
        marks.forEach(b -> ids.add(b.course()));
        var outlines = ids.stream()
                .map(id -> courses.outline(new CourseId(id)))
                .flatMap(Optional::stream)
                .toList();
        var choices = outlines.stream()
                .map(c -> new NotesOverview.CourseChoice(c.slug(), c.title()))
                .toList();
        var selected =
                outlines.stream().filter(c -> c.slug().equals(courseSlug)).findFirst();
        var shown = selected.map(List::of).orElse(outlines);

        var courseNotes = new ArrayList<NotesOverview.CourseNotes>();
        var bookmarked = new ArrayList<NotesOverview.BookmarkedLesson>();
        for (var course : shown) {
            var byLesson = new LinkedHashMap<UUID, List<Note>>();
            course.lessons().forEach(l -> byLesson.put(l.id().value(), new ArrayList<>()));
            all.stream()
                    .filter(n -> n.course().equals(course.id().value()))
                    .forEach(n -> byLesson.computeIfAbsent(n.lesson(), l -> new ArrayList<>())
                            .add(n));
            var lessons = new ArrayList<NotesOverview.LessonNotes>();
            byLesson.forEach((lessonId, lessonNotes) -> {
                if (!lessonNotes.isEmpty()) {
                    var lesson = course.lesson(lessonId);
                    lessons.add(new NotesOverview.LessonNotes(
                            lesson.map(LessonOutline::title).orElse(null),
                            lesson.map(l -> lessonUrl(course, l)).orElse(null),
                            List.copyOf(lessonNotes)));
                }
            });
            if (!lessons.isEmpty()) {
                courseNotes.add(new NotesOverview.CourseNotes(
                        course.slug(), course.title(), course.language(), List.copyOf(lessons)));
            }
        }
        for (var mark : marks) {
            shown.stream()
                    .filter(c -> c.id().value().equals(mark.course()))
                    .findFirst()
                    .ifPresent(course -> course.lesson(mark.lesson())
                            .ifPresent(lesson -> bookmarked.add(new NotesOverview.BookmarkedLesson(
                                    lesson.title(), course.title(), course.language(), lessonUrl(course, lesson)))));
        }
        return new NotesOverview(
                learner.value(),
                List.copyOf(courseNotes),
                List.copyOf(bookmarked),
                choices,
                selected.map(CourseOutline::slug).orElse(null));
    }

    private Located enrolled(AccountId learner, String slug, UUID lesson) {
        var course = courses.outlineBySlug(slug).orElseThrow(() -> new NotFoundException("course " + slug));
        if (!registrar.isEnrolled(learner, course.id())) {
            throw new NotEnrolledException(slug);
        }
        return new Located(course, course.lesson(lesson).orElseThrow(() -> new NotFoundException("lesson " + lesson)));
    }

    /** The lesson in whichever of the learner's courses holds it; a learner has a handful, so asking each is cheap. */
    private Located inTheLearnersCourses(AccountId learner, UUID lesson) {
        for (var enrolment : registrar.enrolments(learner)) {
            var found = courses.outline(enrolment.course())
                    .flatMap(course -> course.lesson(lesson).map(l -> new Located(course, l)));
            if (found.isPresent()) {
                return found.get();
            }
        }
        throw new NotFoundException("lesson " + lesson);
    }

    static String lessonUrl(CourseOutline course, LessonOutline lesson) {
        return "/learn/courses/" + course.slug() + "/lessons/" + lesson.id();
    }
}
