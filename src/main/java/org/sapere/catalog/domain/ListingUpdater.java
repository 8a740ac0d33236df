package org.sapere.catalog.domain;

import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.sapere.catalog.Catalog;
import org.sapere.catalog.CatalogEntry;
import org.sapere.course.CourseAuthoring;
import org.sapere.course.CourseId;
import org.sapere.course.CourseOutline;
import org.sapere.course.CoursePublished;
import org.sapere.enrolment.LearnerEnrolled;
import org.sapere.enrolment.LearnerUnenrolled;
import org.sapere.enrolment.Registrar;
import org.sapere.identity.IdentityDirectory;
import org.sapere.identity.Person;
import org.sapere.shared.LocalizedText;
import org.sapere.shared.web.PageContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.MessageSource;
import org.springframework.context.event.EventListener;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/** Keeps the catalogue's listing in step with published courses and their enrolments. */
@Component
class ListingUpdater {

    private static final Logger log = LoggerFactory.getLogger(ListingUpdater.class);

    private final Listings listings;
    private final CourseAuthoring courses;
    private final IdentityDirectory identity;
    private final Registrar registrar;
    private final MessageSource messages;
    private final Catalog catalog;
    private final org.sapere.video.VideoLessons videos;

    ListingUpdater(
            Listings listings,
            CourseAuthoring courses,
            IdentityDirectory identity,
            Registrar registrar,
            MessageSource messages,
            Catalog catalog,
            org.sapere.video.VideoLessons videos) {
        this.listings = listings;
        this.courses = courses;
        this.identity = identity;
        this.registrar = registrar;
        this.messages = messages;
        this.catalog = catalog;
        this.videos = videos;
    }

    @ApplicationModuleListener
    void on(CoursePublished published) {
        courses.outline(published.course(), published.version()).ifPresent(this::list);
    }

    /** Captions' words are searchable: a change re-lists the course. */
    @ApplicationModuleListener
    void on(org.sapere.video.VideoCaptionsChanged changed) {
        courses.outline(changed.course()).ifPresent(this::list);
    }

    @ApplicationModuleListener
    void on(LearnerEnrolled enrolled) {
        countEnrolments(enrolled.course());
    }

    @ApplicationModuleListener
    void on(LearnerUnenrolled unenrolled) {
        countEnrolments(unenrolled.course());
    }

    /** Listings written before the current layout of searchable texts are rewritten once. */
    @EventListener(ApplicationReadyEvent.class)
    void reindexStale() {
        var stale = listings.stale();
        if (!stale.isEmpty()) {
            log.info("Re-indexing {} catalogue listings for search", stale.size());
            stale.forEach(id -> courses.outline(new CourseId(id)).ifPresent(this::list));
        }
    }

    private void countEnrolments(CourseId course) {
        listings.enrolments(course.value(), registrar.enrolmentCount(course));
    }

    private void list(CourseOutline course) {
        var university = identity.organisation(course.organisation()).orElseThrow();
        var found = identity.people(course.professors());
        var professors = course.professors().stream()
                .map(found::get)
                .filter(Objects::nonNull)
                .toList();
        var professorNames = professors.stream().map(Person::displayName).toList();
        var entry = new CatalogEntry(
                course.id().value(),
                course.slug(),
                course.title().original(),
                course.summary().original(),
                university.slug(),
                university.name(),
                course.subjects(),
                course.level().name(),
                course.language(),
                course.minutes(),
                course.lessonCount(),
                professorNames,
                Instant.now(),
                registrar.enrolmentCount(course.id()));
        // Subjects are searchable by their names in every interface language ("gestione progetti" finds them too);
        // every language variant of a text is searchable.
        var subjectNames = course.subjects().stream()
                .flatMap(s -> PageContext.LANGUAGES.stream().map(l -> subjectName(s, l)))
                .distinct();
        var a = Stream.concat(all(course.title()), subjectNames).collect(Collectors.joining(" \n "));
        var b = Stream.concat(all(course.summary()), course.outcomes().stream().flatMap(ListingUpdater::all))
                .collect(Collectors.joining(" \n "));
        var c = Stream.of(
                        Stream.of(university.name(), university.shortName(), String.join(", ", professorNames)),
                        course.modules().stream().flatMap(m -> all(m.title())),
                        course.lessons().flatMap(l -> all(l.title())),
                        // What is said in the videos (their captions, every language).
                        videos.transcripts(course.lessons().map(l -> l.id()).toList()).values().stream())
                .flatMap(s -> s)
                .collect(Collectors.joining(" \n "));
        listings.upsert(
                entry,
                course.version(),
                new Listings.SearchText(a, b, c),
                course.professors().stream().map(p -> p.value()).toList());
        catalog.refresh();
    }

    private static Stream<String> all(LocalizedText text) {
        return text.variants().values().stream();
    }

    private String subjectName(String subject, Locale language) {
        return messages.getMessage("subject." + subject, null, subject, language);
    }
}
