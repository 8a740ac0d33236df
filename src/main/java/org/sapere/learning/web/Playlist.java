package org.sapere.learning.web;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.sapere.course.CourseAuthoring;
import org.sapere.course.CourseOutline;
import org.sapere.course.LessonId;

/**
 * An "I have N minutes" list being played through: its lesson ids travel in the player's address
 * ({@code ?playlist=id,id,id}), so the list needs no storage and survives a reload. Only lessons of published
 * courses count; the player checks enrolment as for any lesson.
 *
 * @param ids the list's lessons in order
 * @param position where the lesson being shown is in it (from 0)
 * @param next the list's next lesson with its course, if any
 */
public record Playlist(
        List<LessonId> ids, int position, @Nullable Entry next) {

    /** At most this many lessons in a list. */
    static final int MAX = 60;

    /** A lesson of the list with its course. */
    public record Entry(CourseOutline course, CourseOutline.LessonOutline lesson) {}

    /** The list in the address, if {@code current} is in it. */
    static @Nullable Playlist of(@Nullable String param, LessonId current, CourseAuthoring courses) {
        if (param == null || param.isBlank() || param.length() > MAX * 37) {
            return null;
        }
        var ids = new ArrayList<LessonId>();
        for (var part : param.split(",")) {
            try {
                ids.add(new LessonId(UUID.fromString(part.strip())));
            } catch (IllegalArgumentException notALesson) {
                return null;
            }
        }
        var position = ids.indexOf(current);
        if (position < 0) {
            return null;
        }
        Entry next = null;
        for (var i = position + 1; i < ids.size() && next == null; i++) {
            var id = ids.get(i);
            next = courses.outlineOfLesson(id)
                    .flatMap(c -> c.lesson(id).map(l -> new Entry(c, l)))
                    .orElse(null);
        }
        return new Playlist(List.copyOf(ids), position, next);
    }

    public int size() {
        return ids.size();
    }

    /** The list as it travels in addresses. */
    public String param() {
        return String.join(",", ids.stream().map(LessonId::toString).toList());
    }

    public @Nullable String nextUrl() {
        return next == null
                ? null
                : "/learn/courses/" + next.course().slug() + "/lessons/"
                        + next.lesson().id() + "?playlist=" + param();
    }
}
