package org.sapere.course;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.sapere.course.domain.Course;
import org.sapere.course.domain.Courses;
import org.sapere.course.domain.MarkdownRenderer;
import org.sapere.identity.AccountId;
import org.sapere.identity.OrganisationId;
import org.sapere.shared.LocalizedText;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;

/**
 * The course module's facade. Other modules read published courses here; authoring (create, edit, publish) grows
 * here too. Published versions are immutable, so their outlines are cached until a newer version is published.
 */
@Service
public class CourseAuthoring {

    private final Courses courses;
    private final MarkdownRenderer markdown;
    private final org.sapere.course.domain.CourseEditor editor;
    private final Map<CourseId, CourseOutline> outlines = new ConcurrentHashMap<>();
    private final Map<String, CourseId> slugs = new ConcurrentHashMap<>();
    private final Map<LessonId, CourseId> lessonCourses = new ConcurrentHashMap<>();

    CourseAuthoring(Courses courses, MarkdownRenderer markdown, org.sapere.course.domain.CourseEditor editor) {
        this.courses = courses;
        this.markdown = markdown;
        this.editor = editor;
    }

    /**
     * A lesson of a course's draft, for a module that manages a contributed lesson kind's content.
     *
     * @throws org.springframework.security.access.AccessDeniedException when the person may not edit the course
     * @throws org.sapere.shared.NotFoundException when the course or the lesson does not exist
     */
    public DraftLesson draftLesson(CourseId course, LessonId lesson, AccountId person) {
        var editing = editor.open(course.value(), person);
        var found = editor.lesson(editing.course(), lesson.value())
                .orElseThrow(() -> new org.sapere.shared.NotFoundException("lesson " + lesson));
        return new DraftLesson(
                course,
                lesson,
                editing.course().title(),
                found.title(),
                found.kind(),
                editing.course().language(),
                found.minutes());
    }

    /**
     * A course's draft as a module that keeps course-wide content (a question bank, a gradebook) shows it to the
     * course's staff.
     *
     * @throws org.springframework.security.access.AccessDeniedException when the person may not edit the course
     * @throws org.sapere.shared.NotFoundException when the course does not exist
     */
    public DraftCourse draftCourse(CourseId course, AccountId person) {
        var editing = editor.open(course.value(), person).course();
        var lessons = editing.modules().stream()
                .flatMap(m -> m.lessons().stream()
                        .map(l -> new DraftCourse.Lesson(new LessonId(l.id()), l.title(), l.kind(), m.id(), m.title())))
                .toList();
        return new DraftCourse(course, editing.title(), editing.language(), editing.slug(), lessons);
    }

    /** A course's draft as {@link #draftCourse} gives it: its lessons in order, with their module's title. */
    public record DraftCourse(
            CourseId course, LocalizedText title, String language, String slug, List<Lesson> lessons) {

        public record Lesson(
                LessonId id, LocalizedText title, LessonKind kind, java.util.UUID moduleId, LocalizedText module) {}
    }

    /** A lesson of a draft as {@link #draftLesson} gives it. */
    public record DraftLesson(
            CourseId course,
            LessonId lesson,
            LocalizedText courseTitle,
            LocalizedText title,
            LessonKind kind,
            String language,
            int minutes) {}

    /** Whether a learner marks a lesson of this kind complete themselves (readings and materials do). */
    public boolean learnerMarksComplete(LessonKind kind) {
        return editor.contribution(kind)
                .map(LessonKindContribution::learnerMarksComplete)
                .orElse(true);
    }

    public Optional<CourseOutline> outline(CourseId id) {
        var cached = outlines.get(id);
        if (cached != null) {
            return Optional.of(cached);
        }
        return courses.findById(id.value()).map(this::remember);
    }

    /** The outline at this version or a newer one (after a {@link CoursePublished} event, never an older cached one). */
    public Optional<CourseOutline> outline(CourseId id, int atLeastVersion) {
        var found = outline(id);
        if (found.isPresent() && found.get().version() < atLeastVersion) {
            outlines.remove(id);
            return courses.findById(id.value()).map(this::remember);
        }
        return found;
    }

    public Optional<CourseOutline> outlineBySlug(String slug) {
        var id = slugs.get(slug);
        if (id != null) {
            return outline(id);
        }
        if (slug.length() > 80) {
            return Optional.empty();
        }
        return courses.findBySlug(slug).map(this::remember);
    }

    /**
     * The published course a lesson belongs to (a lesson never moves between courses, so the answer is cached);
     * empty when no published course has the lesson now.
     */
    public Optional<CourseOutline> outlineOfLesson(LessonId lesson) {
        var course = lessonCourses.get(lesson);
        if (course == null) {
            var found = courses.courseOfLesson(lesson.value());
            if (found.isEmpty()) {
                return Optional.empty();
            }
            course = new CourseId(found.get());
            lessonCourses.put(lesson, course);
        }
        return outline(course).filter(c -> c.lesson(lesson).isPresent());
    }

    /** Every published course, oldest first. */
    public List<CourseOutline> published() {
        return courses.allIds().stream()
                .map(id -> outline(new CourseId(id)))
                .flatMap(Optional::stream)
                .toList();
    }

    /** A newer version replaces the cached outline. */
    @EventListener
    void on(CoursePublished published) {
        outlines.remove(published.course());
    }

    private CourseOutline remember(Course course) {
        var outline = toOutline(course);
        outlines.put(outline.id(), outline);
        slugs.put(outline.slug(), outline.id());
        return outline;
    }

    /** A draft as learners would see it once published (Markdown rendered and sanitised), for the preview. */
    public CourseOutline preview(Course draft) {
        return toOutline(draft);
    }

    private CourseOutline toOutline(Course c) {
        var modules = c.modules().stream()
                .map(part -> new CourseOutline.ModuleOutline(
                        new CourseModuleId(part.id()),
                        part.title(),
                        part.lessons().stream()
                                .map(l -> new CourseOutline.LessonOutline(
                                        new LessonId(l.id()),
                                        l.title(),
                                        l.kind(),
                                        l.minutes(),
                                        Optional.ofNullable(l.body()).map(this::html),
                                        Optional.ofNullable(l.material())))
                                .toList()))
                .toList();
        return new CourseOutline(
                new CourseId(c.id()),
                c.version(),
                c.slug(),
                new OrganisationId(c.organisationId()),
                c.title(),
                c.summary(),
                html(c.description()),
                c.subjects(),
                c.level(),
                c.language(),
                c.outcomes(),
                c.professorIds().stream().map(AccountId::new).toList(),
                modules,
                c.credit());
    }

    private LocalizedText html(LocalizedText source) {
        return new LocalizedText(source.variants().entrySet().stream()
                .collect(Collectors.toMap(
                        Map.Entry::getKey,
                        e -> markdown.render(e.getValue()),
                        (a, b) -> a,
                        java.util.LinkedHashMap::new)));
    }
}
