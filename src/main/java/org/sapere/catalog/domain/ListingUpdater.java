package org.sapere.catalog.domain;

import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.sapere.catalog.Catalog;
import org.sapere.catalog.CatalogEntry;
import org.sapere.course.CourseAuthoring;
import org.sapere.course.CoursePublished;
import org.sapere.identity.IdentityDirectory;
import org.sapere.identity.Person;
import org.sapere.shared.web.PageContext;
import org.springframework.context.MessageSource;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/** Keeps the catalogue's listing in step with published courses. */
@Component
class ListingUpdater {

    private final Listings listings;
    private final CourseAuthoring courses;
    private final IdentityDirectory identity;
    private final MessageSource messages;
    private final Catalog catalog;

    ListingUpdater(
            Listings listings,
            CourseAuthoring courses,
            IdentityDirectory identity,
            MessageSource messages,
            Catalog catalog) {
        this.listings = listings;
        this.courses = courses;
        this.identity = identity;
        this.messages = messages;
        this.catalog = catalog;
    }

    @ApplicationModuleListener
    void on(CoursePublished published) {
        var course = courses.outline(published.course(), published.version()).orElseThrow();
        var university = identity.organisation(course.organisation()).orElseThrow();
        var professors = identity.people(course.professors());
        var professorNames = course.professors().stream()
                .map(professors::get)
                .filter(java.util.Objects::nonNull)
                .map(Person::displayName)
                .toList();
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
                professorNames);
        // Subjects are searchable by their names in every interface language ("gestione progetti" finds them too).
        var subjectNames = course.subjects().stream()
                .flatMap(s -> PageContext.LANGUAGES.stream().map(l -> subjectName(s, l)))
                .distinct();
        var searchText = Stream.concat(
                        Stream.of(
                                entry.title(),
                                entry.summary(),
                                university.name(),
                                university.shortName(),
                                String.join(" ", professorNames)),
                        Stream.concat(subjectNames, course.outcomes().stream().map(o -> o.original())))
                .collect(Collectors.joining(" "));
        listings.upsert(entry, published.version(), searchText);
        catalog.refresh();
    }

    private String subjectName(String subject, Locale language) {
        return messages.getMessage("subject." + subject, null, subject, language);
    }
}
