package org.sapere.course.domain;

import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.sapere.course.CourseCredit;
import org.sapere.course.LessonKind;
import org.sapere.course.LessonMaterial;
import org.sapere.course.Level;
import org.sapere.shared.LocalizedText;

/** A course aggregate as stored: its parts and lessons in order, texts still in Markdown. */
public record Course(
        UUID id,
        UUID organisationId,
        String slug,
        int version,
        LocalizedText title,
        LocalizedText summary,
        LocalizedText description,
        List<String> subjects,
        Level level,
        String language,
        List<LocalizedText> outcomes,
        List<UUID> professorIds,
        List<Part> modules,
        CourseCredit credit) {

    public static final int MAX_TITLE = 120;
    public static final int MAX_SUMMARY = 300;

    public Course {
        if (!slug.matches("[a-z0-9]+(-[a-z0-9]+)*") || slug.length() > 80) {
            throw new IllegalArgumentException("Not a course slug: " + slug);
        }
        if (title.original().isBlank() || title.original().length() > MAX_TITLE) {
            throw new IllegalArgumentException("A course title has 1 to " + MAX_TITLE + " characters");
        }
        if (summary.original().length() > MAX_SUMMARY) {
            throw new IllegalArgumentException("A course summary has at most " + MAX_SUMMARY + " characters");
        }
        subjects = List.copyOf(subjects);
        outcomes = List.copyOf(outcomes);
        professorIds = List.copyOf(professorIds);
        modules = List.copyOf(modules);
        credit = credit == null ? CourseCredit.NONE : credit;
    }

    /** A course without credit information. */
    public Course(
            UUID id,
            UUID organisationId,
            String slug,
            int version,
            LocalizedText title,
            LocalizedText summary,
            LocalizedText description,
            List<String> subjects,
            Level level,
            String language,
            List<LocalizedText> outcomes,
            List<UUID> professorIds,
            List<Part> modules) {
        this(
                id,
                organisationId,
                slug,
                version,
                title,
                summary,
                description,
                subjects,
                level,
                language,
                outcomes,
                professorIds,
                modules,
                CourseCredit.NONE);
    }

    public Course withCredit(CourseCredit newCredit) {
        return new Course(
                id,
                organisationId,
                slug,
                version,
                title,
                summary,
                description,
                subjects,
                level,
                language,
                outcomes,
                professorIds,
                modules,
                newCredit);
    }

    /** A course module (called a part here to avoid the clash with application modules). */
    public record Part(UUID id, LocalizedText title, List<Lesson> lessons) {

        public Part {
            lessons = List.copyOf(lessons);
        }
    }

    /** A lesson; a reading carries its Markdown body. */
    public record Lesson(
            UUID id,
            LocalizedText title,
            LessonKind kind,
            int minutes,
            @Nullable LocalizedText body,
            @Nullable LessonMaterial material) {

        public Lesson {
            if (minutes < 1 || minutes > 600) {
                throw new IllegalArgumentException("A lesson lasts 1 to 600 minutes");
            }
        }

        public Lesson(UUID id, LocalizedText title, LessonKind kind, int minutes, @Nullable LocalizedText body) {
            this(id, title, kind, minutes, body, null);
        }

        public Lesson withMaterial(@Nullable LessonMaterial file) {
            return new Lesson(id, title, kind, minutes, body, file);
        }
    }
}
