package org.sapere.learning;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.sapere.course.CourseId;
import org.sapere.course.CourseModuleId;
import org.sapere.course.CourseOutline;
import org.sapere.course.LessonId;
import org.sapere.course.LessonKind;
import org.sapere.course.Level;
import org.sapere.identity.OrganisationId;
import org.sapere.shared.LocalizedText;

class CourseProgressTests {

    private final LessonId a = new LessonId(UUID.randomUUID());
    private final LessonId b = new LessonId(UUID.randomUUID());
    private final LessonId c = new LessonId(UUID.randomUUID());
    private final CourseOutline course = course(List.of(lesson(a, 10), lesson(b, 5)), List.of(lesson(c, 20)));

    @Test
    void nothingDoneMeansZeroPercentAndTheFirstLessonNext() {
        var progress = new CourseProgress(course, Set.of());
        assertThat(progress.percent()).isZero();
        assertThat(progress.nextLesson().orElseThrow().id()).isEqualTo(a);
        assertThat(progress.minutesLeft()).isEqualTo(35);
        assertThat(progress.courseCompleted()).isFalse();
    }

    @Test
    void theNextLessonIsTheFirstUnfinishedInCourseOrder() {
        var progress = new CourseProgress(course, Set.of(a, c));
        assertThat(progress.nextLesson().orElseThrow().id()).isEqualTo(b);
        assertThat(progress.percent()).isEqualTo(66);
        assertThat(progress.minutesLeft()).isEqualTo(5);
    }

    @Test
    void lessonsRemovedFromTheCourseDoNotCount() {
        var removed = new LessonId(UUID.randomUUID());
        var progress = new CourseProgress(course, Set.of(a, b, c, removed));
        assertThat(progress.completedCount()).isEqualTo(3);
        assertThat(progress.percent()).isEqualTo(100);
        assertThat(progress.courseCompleted()).isTrue();
        assertThat(progress.nextLesson()).isEmpty();
    }

    private static CourseOutline.LessonOutline lesson(LessonId id, int minutes) {
        return new CourseOutline.LessonOutline(
                id, LocalizedText.of("en", "Lesson"), LessonKind.READING, minutes, Optional.empty(), Optional.empty());
    }

    @SafeVarargs
    private static CourseOutline course(List<CourseOutline.LessonOutline>... modules) {
        return new CourseOutline(
                new CourseId(UUID.randomUUID()),
                1,
                "a-course",
                new OrganisationId(UUID.randomUUID()),
                LocalizedText.of("en", "A course"),
                LocalizedText.of("en", "Summary"),
                LocalizedText.of("en", "<p>About</p>"),
                List.of("soft-skills"),
                Level.BEGINNER,
                "en",
                List.of(),
                List.of(),
                java.util.Arrays.stream(modules)
                        .map(lessons -> new CourseOutline.ModuleOutline(
                                new CourseModuleId(UUID.randomUUID()), LocalizedText.of("en", "Part"), lessons))
                        .toList(),
                org.sapere.course.CourseCredit.NONE);
    }
}
