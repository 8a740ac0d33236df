package org.sapere.course.domain;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.sapere.course.CourseId;
import org.sapere.course.CoursePublished;
import org.sapere.course.LessonKind;
import org.sapere.course.Level;
import org.sapere.identity.AccountId;
import org.sapere.identity.IdentityDirectory;
import org.sapere.identity.Organisation;
import org.sapere.shared.DemoContent;
import org.sapere.shared.LocalizedText;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Profile;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/** Publishes the demo courses in {@code demo/course/*.yaml} (format: docs/demo-course-format.md). */
@Component
@Profile("!prod")
class CourseDemoContent implements DemoContent {

    private static final Logger log = LoggerFactory.getLogger(CourseDemoContent.class);

    private final Courses courses;
    private final IdentityDirectory identity;
    private final ApplicationEventPublisher events;

    CourseDemoContent(Courses courses, IdentityDirectory identity, ApplicationEventPublisher events) {
        this.courses = courses;
        this.identity = identity;
        this.events = events;
    }

    @Override
    public int order() {
        return 20;
    }

    @Override
    public void load() {
        var files = resources();
        for (var file : files) {
            var course = parse(file);
            courses.insert(course);
            events.publishEvent(new CoursePublished(new CourseId(course.id()), course.version()));
        }
        log.info("Demo content: {} courses", files.size());
    }

    @SuppressWarnings("unchecked")
    private Course parse(Map<String, Object> y) {
        var language = (String) y.get("language");
        var university = (String) y.get("university");
        var organisation = identity.organisationBySlug(university)
                .map(Organisation::id)
                .orElseThrow(() -> new IllegalStateException("Unknown demo university " + university));
        var professors = ((List<String>) y.get("professors"))
                .stream()
                        .map(email -> identity.accountByEmail(email)
                                .orElseThrow(() -> new IllegalStateException("Unknown demo professor " + email)))
                        .map(AccountId::value)
                        .toList();
        var modules = ((List<Map<String, Object>>) y.get("modules"))
                .stream()
                        .map(m -> new Course.Part(
                                UUID.randomUUID(),
                                LocalizedText.of(language, (String) m.get("title")),
                                ((List<Map<String, Object>>) m.get("lessons"))
                                        .stream()
                                                .map(l -> new Course.Lesson(
                                                        UUID.randomUUID(),
                                                        LocalizedText.of(language, (String) l.get("title")),
                                                        // Other kinds (video) bring their content from their module.
                                                        new LessonKind((String) l.getOrDefault("kind", "reading")),
                                                        (Integer) l.get("minutes"),
                                                        LocalizedText.of(
                                                                language, (String) l.getOrDefault("body", ""))))
                                                .toList()))
                        .toList();
        return new Course(
                        UUID.randomUUID(),
                        organisation.value(),
                        (String) y.get("slug"),
                        1,
                        LocalizedText.of(language, ((String) y.get("title")).strip()),
                        LocalizedText.of(language, ((String) y.get("summary")).strip()),
                        LocalizedText.of(language, (String) y.get("description")),
                        (List<String>) y.get("subjects"),
                        Level.valueOf((String) y.get("level")),
                        language,
                        ((List<String>) y.get("outcomes"))
                                .stream()
                                        .map(o -> LocalizedText.of(language, o))
                                        .toList(),
                        professors,
                        modules)
                .withCredit(credit((Map<String, Object>) y.get("credit")));
    }

    /** Optional {@code credit: {ects: 2, eqfLevel: 6, assessment: ONLINE_QUIZZES}} in a demo course. */
    private static org.sapere.course.CourseCredit credit(@org.jspecify.annotations.Nullable Map<String, Object> c) {
        if (c == null) {
            return org.sapere.course.CourseCredit.NONE;
        }
        return new org.sapere.course.CourseCredit(
                c.get("ects") == null ? null : new java.math.BigDecimal(String.valueOf(c.get("ects"))),
                (Integer) c.get("eqfLevel"),
                (String) c.get("assessment"));
    }

    private static List<Map<String, Object>> resources() {
        try {
            var yaml = new Yaml(new SafeConstructor(new LoaderOptions()));
            var list = new java.util.ArrayList<Map<String, Object>>();
            var found = new PathMatchingResourcePatternResolver().getResources("classpath*:demo/course/*.yaml");
            java.util.Arrays.sort(found, java.util.Comparator.comparing(r -> String.valueOf(r.getFilename())));
            for (var resource : found) {
                try (var in = resource.getInputStream()) {
                    list.add(yaml.load(in));
                }
            }
            return list;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
