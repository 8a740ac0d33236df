package org.sapere.course.domain;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;
import org.sapere.course.CourseCredit;
import org.sapere.course.CourseId;
import org.sapere.course.CoursePublished;
import org.sapere.course.LessonKind;
import org.sapere.course.LessonKindContribution;
import org.sapere.course.LessonMaterial;
import org.sapere.course.Level;
import org.sapere.identity.AccountId;
import org.sapere.identity.IdentityDirectory;
import org.sapere.identity.OrganisationId;
import org.sapere.identity.Role;
import org.sapere.shared.LocalizedText;
import org.sapere.shared.NotFoundException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Professors build courses: a draft they edit freely (learners see nothing of it) and publishing, which turns the
 * draft into the next immutable, numbered version. Who may edit: professors of the owning university and the
 * course's own professors (co-authors, possibly from other universities). Every change names the revision it was
 * made on; a change made on an older revision is refused as a conflict and loses nothing (the caller gets the
 * current draft and still has what the person typed).
 */
@Service
public class CourseEditor {

    public static final int MAX_MODULES = 40;
    public static final int MAX_LESSONS_PER_MODULE = 60;
    public static final int MAX_BODY = 200_000;
    public static final int MAX_DESCRIPTION = 20_000;
    public static final int MAX_OUTCOMES = 20;
    public static final int MAX_OUTCOME = 300;
    public static final List<String> LANGUAGES = List.of("en", "it", "de", "nl", "sv", "fr", "es");
    /** The lesson kinds this module authors; video and quiz lessons join from their own modules. */
    /** The kinds this module knows itself; other modules contribute more ({@link LessonKindContribution}). */
    public static final List<LessonKind> BUILT_IN_KINDS = List.of(LessonKind.READING, LessonMaterial.KIND);

    /** A problem with what was submitted: the field and a message key with its argument. */
    public record Problem(
            String field, String key, @Nullable Object argument) {}

    /** What became of a change. */
    public record Outcome(int revision, List<Problem> problems, boolean conflict) {
        static Outcome saved(int revision) {
            return new Outcome(revision, List.of(), false);
        }

        static Outcome invalid(List<Problem> problems, int revision) {
            return new Outcome(revision, problems, false);
        }

        static Outcome conflicted(int revision) {
            return new Outcome(revision, List.of(), true);
        }

        public boolean ok() {
            return problems.isEmpty() && !conflict;
        }
    }

    /** The draft being edited, with what the page needs beside it. */
    public record Editing(Course course, int revision, int publishedVersion, boolean changedSincePublished) {}

    private final Drafts drafts;
    private final Courses courses;
    private final IdentityDirectory identity;
    private final ApplicationEventPublisher events;
    private final MarkdownRenderer markdown;
    private final List<LessonKindContribution> contributed;

    CourseEditor(
            Drafts drafts,
            Courses courses,
            IdentityDirectory identity,
            ApplicationEventPublisher events,
            MarkdownRenderer markdown,
            List<LessonKindContribution> contributed) {
        this.drafts = drafts;
        this.courses = courses;
        this.identity = identity;
        this.events = events;
        this.markdown = markdown;
        this.contributed = List.copyOf(contributed);
    }

    /** Every kind an author may choose: the built-in ones, then those other modules contribute. */
    public List<LessonKind> kinds() {
        var all = new ArrayList<>(BUILT_IN_KINDS);
        contributed.forEach(c -> all.add(c.kind()));
        return all;
    }

    /** The module that contributes this kind, if another module does. */
    public Optional<LessonKindContribution> contribution(LessonKind kind) {
        return contributed.stream().filter(c -> c.kind().equals(kind)).findFirst();
    }

    /** The kinds other modules contribute, in the author's menu after the built-in ones. */
    public List<LessonKindContribution> contributions() {
        return contributed;
    }

    /** The universities in which the person may create courses. */
    public List<OrganisationId> universitiesOf(AccountId person) {
        return identity.organisationsWhere(person, Role.PROFESSOR);
    }

    public List<Drafts.Summary> coursesOf(AccountId person) {
        var orgs = universitiesOf(person).stream().map(OrganisationId::value).toList();
        return drafts.editable(orgs, person.value());
    }

    /** Starts a course with a title, one empty module and the creator as its professor. */
    @Transactional
    public UUID create(AccountId person, OrganisationId university, String title, String language) {
        if (!identity.hasRole(person, university, Role.PROFESSOR)) {
            throw new AccessDeniedException("not a professor of " + university);
        }
        var id = UUID.randomUUID();
        var course = new Course(
                id,
                university.value(),
                uniqueSlug(title, id),
                0,
                LocalizedText.of(language, title.strip()),
                LocalizedText.of(language, ""),
                LocalizedText.of(language, ""),
                List.of(),
                Level.BEGINNER,
                language,
                List.of(),
                List.of(person.value()),
                List.of(new Course.Part(UUID.randomUUID(), LocalizedText.of(language, "Module 1"), List.of())));
        drafts.insert(course, person.value());
        return id;
    }

    /**
     * Makes a new draft from an imported archive's course, under fresh ids, in one of the importer's universities.
     * The lessons' kinds must be ones this installation knows; the texts are checked like any edit.
     */
    @Transactional
    public UUID importCourse(AccountId person, OrganisationId university, Course imported) {
        if (!identity.hasRole(person, university, Role.PROFESSOR)) {
            throw new AccessDeniedException("not a professor of " + university);
        }
        var id = UUID.randomUUID();
        var course = CourseArchive.withNewIds(imported, university.value(), person.value(), "x");
        var slug = drafts.slugTaken(imported.slug(), id) || imported.slug().isBlank()
                ? uniqueSlug(imported.title().original(), id)
                : imported.slug();
        course = new Course(
                id,
                course.organisationId(),
                slug,
                0,
                course.title(),
                course.summary(),
                course.description(),
                course.subjects(),
                course.level(),
                course.language(),
                course.outcomes(),
                course.professorIds(),
                course.modules(),
                imported.credit());
        drafts.insert(course, person.value());
        return id;
    }

    /** What in an imported course breaks the limits of the editor, if anything. */
    public List<Problem> checkImported(Course c) {
        var problems = new ArrayList<Problem>();
        if (c.modules().size() > MAX_MODULES
                || c.modules().stream().anyMatch(m -> m.lessons().size() > MAX_LESSONS_PER_MODULE)) {
            problems.add(new Problem("archive", "author.import.tooBig", null));
        }
        if (c.description().variants().values().stream().anyMatch(d -> d.length() > MAX_DESCRIPTION)
                || c.modules().stream()
                        .flatMap(m -> m.lessons().stream())
                        .anyMatch(l -> l.body() != null
                                && l.body().variants().values().stream().anyMatch(b -> b.length() > MAX_BODY))) {
            problems.add(new Problem("archive", "author.import.tooBig", null));
        }
        if (!LANGUAGES.contains(c.language())) {
            problems.add(new Problem("archive", "author.language.invalid", null));
        }
        return problems;
    }

    /** Checks a new course's fields before {@link #create}. */
    public List<Problem> checkNew(String title, String language) {
        var problems = new ArrayList<Problem>();
        if (title.isBlank() || title.strip().length() > Course.MAX_TITLE) {
            problems.add(new Problem("title", "author.title.invalid", Course.MAX_TITLE));
        }
        if (!LANGUAGES.contains(language)) {
            problems.add(new Problem("language", "author.language.invalid", null));
        }
        return problems;
    }

    /** The draft, made from the published course the first time someone edits it. */
    @Transactional
    public Editing open(UUID courseId, AccountId person) {
        var draft = drafts.find(courseId).orElse(null);
        if (draft == null) {
            var published = courses.findById(courseId).orElseThrow(() -> new NotFoundException("course " + courseId));
            authorize(published, person);
            drafts.insert(published, person.value());
            draft = drafts.find(courseId).orElseThrow();
        }
        authorize(draft.course(), person);
        var version = drafts.latestVersion(courseId);
        var published = Math.max(version, courses.latestVersion(courseId));
        return new Editing(
                draft.course(), draft.revision(), published, version == 0 || drafts.changedSince(courseId, version));
    }

    public Outcome updateDetails(
            UUID courseId,
            AccountId person,
            int revision,
            String lang,
            String title,
            String summary,
            String description,
            List<String> subjects,
            String level,
            List<String> outcomes,
            String slug) {
        var problems = new ArrayList<Problem>();
        if (title.isBlank() || title.strip().length() > Course.MAX_TITLE) {
            problems.add(new Problem("title", "author.title.invalid", Course.MAX_TITLE));
        }
        if (summary.strip().length() > Course.MAX_SUMMARY) {
            problems.add(new Problem("summary", "author.summary.tooLong", Course.MAX_SUMMARY));
        }
        if (description.length() > MAX_DESCRIPTION) {
            problems.add(new Problem("description", "author.description.tooLong", MAX_DESCRIPTION));
        }
        Level parsedLevel = null;
        try {
            parsedLevel = Level.valueOf(level);
        } catch (IllegalArgumentException e) {
            problems.add(new Problem("level", "author.level.invalid", null));
        }
        var cleanOutcomes =
                outcomes.stream().map(String::strip).filter(o -> !o.isEmpty()).toList();
        if (cleanOutcomes.size() > MAX_OUTCOMES || cleanOutcomes.stream().anyMatch(o -> o.length() > MAX_OUTCOME)) {
            problems.add(new Problem("outcomes", "author.outcomes.invalid", MAX_OUTCOMES));
        }
        var cleanSlug = slug.strip().toLowerCase(Locale.ROOT);
        if (!cleanSlug.matches("[a-z0-9]+(-[a-z0-9]+)*") || cleanSlug.length() > 80) {
            problems.add(new Problem("slug", "author.slug.invalid", null));
        } else if (drafts.slugTaken(cleanSlug, courseId)) {
            problems.add(new Problem("slug", "author.slug.taken", cleanSlug));
        }
        if (!LANGUAGES.contains(lang)) {
            problems.add(new Problem("lang", "author.language.invalid", null));
        }
        var level1 = parsedLevel;
        return change(courseId, person, revision, problems, c -> {
            if (!cleanSlug.equals(c.slug()) && isPublished(c.id())) {
                // A published course keeps its address: links and certificates point to it.
                problems.add(new Problem("slug", "author.slug.fixed", null));
                return c;
            }
            var oldOutcomes = c.outcomes();
            var newOutcomes = new ArrayList<LocalizedText>();
            for (int i = 0; i < cleanOutcomes.size(); i++) {
                var base = i < oldOutcomes.size() ? oldOutcomes.get(i) : null;
                newOutcomes.add(with(base, lang, cleanOutcomes.get(i), c.language()));
            }
            return new Course(
                    c.id(),
                    c.organisationId(),
                    cleanSlug,
                    c.version(),
                    with(c.title(), lang, title.strip(), c.language()),
                    with(c.summary(), lang, summary.strip(), c.language()),
                    with(c.description(), lang, description, c.language()),
                    subjects,
                    level1,
                    c.language(),
                    newOutcomes,
                    c.professorIds(),
                    c.modules(),
                    c.credit());
        });
    }

    public Outcome addModule(UUID courseId, AccountId person, int revision, String lang, String title) {
        var problems = checkTitle(title);
        return change(courseId, person, revision, problems, c -> {
            if (c.modules().size() >= MAX_MODULES) {
                problems.add(new Problem("title", "author.modules.tooMany", MAX_MODULES));
                return c;
            }
            var modules = new ArrayList<>(c.modules());
            modules.add(new Course.Part(UUID.randomUUID(), LocalizedText.of(c.language(), title.strip()), List.of()));
            return withModules(c, modules);
        });
    }

    public Outcome renameModule(
            UUID courseId, UUID moduleId, AccountId person, int revision, String lang, String title) {
        var problems = checkTitle(title);
        return change(
                courseId,
                person,
                revision,
                problems,
                c -> withModules(
                        c,
                        c.modules().stream()
                                .map(m -> m.id().equals(moduleId)
                                        ? new Course.Part(
                                                m.id(), with(m.title(), lang, title.strip(), c.language()), m.lessons())
                                        : m)
                                .toList()));
    }

    public Outcome moveModule(UUID courseId, UUID moduleId, AccountId person, int revision, int by) {
        return change(courseId, person, revision, new ArrayList<>(), c -> {
            var modules = new ArrayList<>(c.modules());
            var at = indexOf(modules.stream().map(Course.Part::id).toList(), moduleId);
            var to = at + Integer.signum(by);
            if (at < 0 || to < 0 || to >= modules.size()) {
                return c;
            }
            modules.add(to, modules.remove(at));
            return withModules(c, modules);
        });
    }

    /** Deletes a module with its lessons; learners' records of them stay (they refer to the lesson ids). */
    public Outcome deleteModule(UUID courseId, UUID moduleId, AccountId person, int revision) {
        return change(
                courseId,
                person,
                revision,
                new ArrayList<>(),
                c -> withModules(
                        c,
                        c.modules().stream()
                                .filter(m -> !m.id().equals(moduleId))
                                .toList()));
    }

    public Outcome addLesson(UUID courseId, UUID moduleId, AccountId person, int revision, String title, int minutes) {
        return addLesson(courseId, moduleId, person, revision, title, minutes, LessonKind.READING);
    }

    public Outcome addLesson(
            UUID courseId, UUID moduleId, AccountId person, int revision, String title, int minutes, LessonKind kind) {
        var problems = checkTitle(title);
        if (!kinds().contains(kind)) {
            problems.add(new Problem("kind", "author.kind.invalid", null));
        }
        if (minutes < 1 || minutes > 600) {
            problems.add(new Problem("minutes", "author.minutes.invalid", null));
        }
        return change(
                courseId,
                person,
                revision,
                problems,
                c -> withModules(
                        c,
                        c.modules().stream()
                                .map(m -> {
                                    if (!m.id().equals(moduleId)) {
                                        return m;
                                    }
                                    if (m.lessons().size() >= MAX_LESSONS_PER_MODULE) {
                                        problems.add(
                                                new Problem("title", "author.lessons.tooMany", MAX_LESSONS_PER_MODULE));
                                        return m;
                                    }
                                    var lessons = new ArrayList<>(m.lessons());
                                    lessons.add(new Course.Lesson(
                                            UUID.randomUUID(),
                                            LocalizedText.of(c.language(), title.strip()),
                                            kind,
                                            minutes,
                                            LocalizedText.of(c.language(), "")));
                                    return new Course.Part(m.id(), m.title(), lessons);
                                })
                                .toList()));
    }

    public Outcome updateLesson(
            UUID courseId,
            UUID lessonId,
            AccountId person,
            int revision,
            String lang,
            String title,
            int minutes,
            String body) {
        var problems = checkTitle(title);
        if (minutes < 1 || minutes > 600) {
            problems.add(new Problem("minutes", "author.minutes.invalid", null));
        }
        if (body.length() > MAX_BODY) {
            problems.add(new Problem("body", "author.body.tooLong", MAX_BODY));
        }
        if (!LANGUAGES.contains(lang)) {
            problems.add(new Problem("lang", "author.language.invalid", null));
        }
        return change(
                courseId,
                person,
                revision,
                problems,
                c -> mapLessons(
                        c,
                        lessonId,
                        l -> new Course.Lesson(
                                l.id(),
                                with(l.title(), lang, title.strip(), c.language()),
                                l.kind(),
                                minutes,
                                with(l.body(), lang, body, c.language()),
                                l.material())));
    }

    /** Gives a material lesson its (already stored and checked) file. */
    public Outcome attachMaterial(UUID courseId, UUID lessonId, AccountId person, int revision, LessonMaterial file) {
        return change(
                courseId, person, revision, new ArrayList<>(), c -> mapLessons(c, lessonId, l -> l.withMaterial(file)));
    }

    public Outcome moveLesson(UUID courseId, UUID lessonId, AccountId person, int revision, int by) {
        return change(courseId, person, revision, new ArrayList<>(), c -> {
            // Up and down within the module; past its first or last place into the neighbouring module.
            var lists = new ArrayList<ArrayList<Course.Lesson>>();
            c.modules().forEach(m -> lists.add(new ArrayList<>(m.lessons())));
            for (int m = 0; m < lists.size(); m++) {
                var lessons = lists.get(m);
                var at = indexOf(lessons.stream().map(Course.Lesson::id).toList(), lessonId);
                if (at < 0) {
                    continue;
                }
                var to = at + Integer.signum(by);
                if (to >= 0 && to < lessons.size()) {
                    lessons.add(to, lessons.remove(at));
                } else if (to < 0 && m > 0) {
                    lists.get(m - 1).add(lessons.remove(at));
                } else if (to >= lessons.size() && m < lists.size() - 1) {
                    lists.get(m + 1).addFirst(lessons.remove(at));
                }
                break;
            }
            var modules = new ArrayList<Course.Part>();
            for (int m = 0; m < lists.size(); m++) {
                var part = c.modules().get(m);
                modules.add(new Course.Part(part.id(), part.title(), lists.get(m)));
            }
            return withModules(c, modules);
        });
    }

    public Outcome deleteLesson(UUID courseId, UUID lessonId, AccountId person, int revision) {
        return change(
                courseId,
                person,
                revision,
                new ArrayList<>(),
                c -> withModules(
                        c,
                        c.modules().stream()
                                .map(m -> new Course.Part(
                                        m.id(),
                                        m.title(),
                                        m.lessons().stream()
                                                .filter(l -> !l.id().equals(lessonId))
                                                .toList()))
                                .toList()));
    }

    /** The credit information: ECTS credits (0–60, halves allowed), EQF level (1–8), assessment type; all optional. */
    public Outcome updateCredit(
            UUID courseId, AccountId person, int revision, String ects, String eqfLevel, String assessment) {
        var problems = new ArrayList<Problem>();
        java.math.BigDecimal credits = null;
        if (!ects.isBlank()) {
            try {
                credits = new java.math.BigDecimal(ects.strip().replace(',', '.'));
                if (credits.signum() < 0
                        || credits.compareTo(java.math.BigDecimal.valueOf(60)) > 0
                        || credits.multiply(java.math.BigDecimal.TWO)
                                        .stripTrailingZeros()
                                        .scale()
                                > 0) {
                    problems.add(new Problem("ects", "author.credit.ects.invalid", null));
                }
            } catch (NumberFormatException e) {
                problems.add(new Problem("ects", "author.credit.ects.invalid", null));
            }
        }
        Integer level = null;
        if (!eqfLevel.isBlank()) {
            try {
                level = Integer.valueOf(eqfLevel.strip());
                if (level < 1 || level > 8) {
                    problems.add(new Problem("eqfLevel", "author.credit.eqf.invalid", null));
                }
            } catch (NumberFormatException e) {
                problems.add(new Problem("eqfLevel", "author.credit.eqf.invalid", null));
            }
        }
        if (!assessment.isBlank() && !CourseCredit.ASSESSMENTS.contains(assessment)) {
            problems.add(new Problem("assessment", "author.credit.assessment.invalid", null));
        }
        var credit = problems.isEmpty()
                ? new CourseCredit(credits, level, assessment.isBlank() ? null : assessment)
                : CourseCredit.NONE;
        return change(courseId, person, revision, problems, c -> c.withCredit(credit));
    }

    /** What stops the draft from being published, if anything. */
    public List<Problem> checkPublishable(Course c) {
        var problems = new ArrayList<Problem>();
        if (c.summary().original().isBlank()) {
            problems.add(new Problem("summary", "author.publish.noSummary", null));
        }
        if (c.modules().isEmpty()
                || c.modules().stream().allMatch(m -> m.lessons().isEmpty())) {
            problems.add(new Problem("outline", "author.publish.noLessons", null));
        }
        for (var m : c.modules()) {
            if (m.lessons().isEmpty()) {
                problems.add(new Problem(
                        "outline", "author.publish.emptyModule", m.title().original()));
            }
            for (var l : m.lessons()) {
                if (LessonKind.READING.equals(l.kind())
                        && (l.body() == null || l.body().original().isBlank())) {
                    problems.add(new Problem(
                            "outline", "author.publish.emptyReading", l.title().original()));
                }
                if (LessonMaterial.KIND.equals(l.kind()) && l.material() == null) {
                    problems.add(new Problem(
                            "outline", "author.publish.noFile", l.title().original()));
                }
                contribution(l.kind())
                        .flatMap(k -> k.publishProblem(new org.sapere.course.LessonId(l.id())))
                        .ifPresent(key -> problems.add(
                                new Problem("outline", key, l.title().original())));
            }
        }
        return problems;
    }

    /** Publishes the draft as the next version: learners see it at once; their progress stays with lesson ids. */
    @Transactional
    public Outcome publish(UUID courseId, AccountId person, int revision) {
        var editing = open(courseId, person);
        if (editing.revision() != revision) {
            return Outcome.conflicted(editing.revision());
        }
        var problems = checkPublishable(editing.course());
        if (!problems.isEmpty()) {
            return Outcome.invalid(problems, revision);
        }
        var version = editing.publishedVersion() + 1;
        var c = editing.course();
        var published = new Course(
                c.id(),
                c.organisationId(),
                c.slug(),
                version,
                c.title(),
                c.summary(),
                c.description(),
                c.subjects(),
                c.level(),
                c.language(),
                c.outcomes(),
                c.professorIds(),
                c.modules(),
                c.credit());
        drafts.recordVersion(published, version, person.value());
        courses.replacePublished(published);
        events.publishEvent(new CoursePublished(new CourseId(c.id()), version));
        return Outcome.saved(revision);
    }

    /** Markdown as learners will see it (sanitised HTML), for the live preview. */
    public String preview(String markdownText) {
        return markdown.render(markdownText.length() > MAX_BODY ? markdownText.substring(0, MAX_BODY) : markdownText);
    }

    private boolean isPublished(UUID course) {
        return courses.latestVersion(course) > 0;
    }

    @Transactional
    Outcome change(UUID courseId, AccountId person, int revision, List<Problem> problems, UnaryOperator<Course> edit) {
        var editing = open(courseId, person);
        if (!problems.isEmpty()) {
            return Outcome.invalid(problems, editing.revision());
        }
        if (editing.revision() != revision) {
            return Outcome.conflicted(editing.revision());
        }
        Course changed;
        try {
            changed = edit.apply(editing.course());
        } catch (IllegalArgumentException invalid) {
            return Outcome.invalid(List.of(new Problem("form", "author.invalid", null)), revision);
        }
        if (!problems.isEmpty()) {
            return Outcome.invalid(problems, revision);
        }
        return drafts.update(changed, revision, person.value())
                .map(Outcome::saved)
                .orElseGet(() -> Outcome.conflicted(
                        drafts.find(courseId).map(Drafts.Draft::revision).orElse(revision)));
    }

    private void authorize(Course course, AccountId person) {
        if (course.professorIds().contains(person.value())
                || identity.hasRole(person, new OrganisationId(course.organisationId()), Role.PROFESSOR)) {
            return;
        }
        throw new AccessDeniedException("may not edit course " + course.id());
    }

    private String uniqueSlug(String title, UUID id) {
        var base = Normalizer.normalize(title.toLowerCase(Locale.ROOT), Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "")
                .replaceAll("[^a-z0-9]+", "-")
                .replaceAll("(^-+|-+$)", "");
        if (base.isEmpty()) {
            base = "course";
        }
        if (base.length() > 70) {
            base = base.substring(0, 70).replaceAll("-+$", "");
        }
        var slug = base;
        for (int n = 2; drafts.slugTaken(slug, id); n++) {
            slug = base + "-" + n;
        }
        return slug;
    }

    private static ArrayList<Problem> checkTitle(String title) {
        var problems = new ArrayList<Problem>();
        if (title.isBlank() || title.strip().length() > Course.MAX_TITLE) {
            problems.add(new Problem("title", "author.title.invalid", Course.MAX_TITLE));
        }
        return problems;
    }

    private static Course withModules(Course c, List<Course.Part> modules) {
        return new Course(
                c.id(),
                c.organisationId(),
                c.slug(),
                c.version(),
                c.title(),
                c.summary(),
                c.description(),
                c.subjects(),
                c.level(),
                c.language(),
                c.outcomes(),
                c.professorIds(),
                modules,
                c.credit());
    }

    private static Course mapLessons(Course c, UUID lessonId, UnaryOperator<Course.Lesson> edit) {
        return withModules(
                c,
                c.modules().stream()
                        .map(m -> new Course.Part(
                                m.id(),
                                m.title(),
                                m.lessons().stream()
                                        .map(l -> l.id().equals(lessonId) ? edit.apply(l) : l)
                                        .toList()))
                        .toList());
    }

    /** The text with the variant for {@code lang} set; the course's own language is always kept first. */
    static LocalizedText with(@Nullable LocalizedText text, String lang, String value, String courseLanguage) {
        var variants = new LinkedHashMap<String, String>();
        variants.put(courseLanguage, "");
        if (text != null) {
            variants.putAll(text.variants());
        }
        variants.put(lang, value);
        return new LocalizedText(variants);
    }

    private static int indexOf(List<UUID> ids, UUID id) {
        return ids.indexOf(id);
    }

    public Optional<Course.Lesson> lesson(Course c, UUID lessonId) {
        return c.modules().stream()
                .flatMap(m -> m.lessons().stream())
                .filter(l -> l.id().equals(lessonId))
                .findFirst();
    }
}
