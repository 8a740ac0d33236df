package org.sapere.course;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;
import org.sapere.identity.AccountId;
import org.sapere.identity.OrganisationId;
import org.sapere.shared.LocalizedText;

/**
 * The published version of a course as learners see it: read-only and immutable. Markdown is already rendered
 * to sanitised HTML ({@code descriptionHtml}, a lesson's {@code bodyHtml}).
 */
public record CourseOutline(
        CourseId id,
        int version,
        String slug,
        OrganisationId organisation,
        LocalizedText title,
        LocalizedText summary,
        LocalizedText descriptionHtml,
        List<String> subjects,
        Level level,
        String language,
        List<LocalizedText> outcomes,
        List<AccountId> professors,
        List<ModuleOutline> modules,
        CourseCredit credit) {

    /** A part of the course. */
    public record ModuleOutline(CourseModuleId id, LocalizedText title, List<LessonOutline> lessons) {

        public int minutes() {
            return lessons.stream().mapToInt(LessonOutline::minutes).sum();
        }
    }

    /** A lesson; {@code bodyHtml} is present for readings. */
    public record LessonOutline(
            LessonId id,
            LocalizedText title,
            LessonKind kind,
            int minutes,
            Optional<LocalizedText> bodyHtml,
            Optional<LessonMaterial> material) {}

    public Stream<LessonOutline> lessons() {
        return modules.stream().flatMap(m -> m.lessons().stream());
    }

    public int lessonCount() {
        return (int) lessons().count();
    }

    /** The estimated effort: the sum of the lessons' durations. */
    public int minutes() {
        return lessons().mapToInt(LessonOutline::minutes).sum();
    }

    public Optional<LessonOutline> lesson(LessonId id) {
        return lessons().filter(l -> l.id().equals(id)).findFirst();
    }

    public Optional<LessonOutline> lesson(UUID id) {
        return lesson(new LessonId(id));
    }
}
