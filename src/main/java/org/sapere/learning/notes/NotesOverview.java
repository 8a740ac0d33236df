package org.sapere.learning.notes;

import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.sapere.shared.LocalizedText;

/**
 * All of a learner's notes grouped by course and lesson, with their bookmarks; {@code selected} is the course the
 * page is filtered to (its slug), {@code choices} the courses it can be filtered to; {@code owner} is the learner's
 * account (the page's script sends only the notes this learner left waiting on the device).
 */
public record NotesOverview(
        UUID owner,
        List<CourseNotes> courses,
        List<BookmarkedLesson> bookmarks,
        List<CourseChoice> choices,
        @Nullable String selected) {

    /** A course with notes; its lessons in the course's order. */
    public record CourseNotes(String slug, LocalizedText title, String language, List<LessonNotes> lessons) {}

    /** A lesson's notes, newest first; {@code title} and {@code url} are null for a lesson since removed. */
    public record LessonNotes(
            @Nullable LocalizedText title, @Nullable String url, List<Note> notes) {}

    public record BookmarkedLesson(LocalizedText lesson, LocalizedText course, String language, String url) {}

    public record CourseChoice(String slug, LocalizedText title) {}

    public boolean empty() {
        return courses.isEmpty() && bookmarks.isEmpty();
    }
}
