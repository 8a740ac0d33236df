package org.sapere.catalog.web;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import org.sapere.course.CourseId;
import org.sapere.course.CourseOutline;
import org.sapere.identity.IdentityDirectory;
import org.sapere.identity.Organisation;
import org.sapere.identity.Person;
import org.springframework.stereotype.Component;

/**
 * The parts of a course page that are the same for every visitor (the university and the professors), kept for
 * a minute per course version so a popular course page costs no queries beyond the visitor's own enrolment.
 */
@Component
class CoursePages {

    private static final Duration FRESH_FOR = Duration.ofSeconds(60);

    private final IdentityDirectory identity;
    private final Map<CourseId, Entry> entries = new ConcurrentHashMap<>();

    CoursePages(IdentityDirectory identity) {
        this.identity = identity;
    }

    record People(Organisation university, List<Person> professors) {}

    private record Entry(int version, People people, Instant takenAt) {}

    People of(CourseOutline course) {
        var entry = entries.get(course.id());
        if (entry == null
                || entry.version() != course.version()
                || entry.takenAt().plus(FRESH_FOR).isBefore(Instant.now())) {
            var university = identity.organisation(course.organisation()).orElseThrow();
            var found = identity.people(course.professors());
            var professors = course.professors().stream()
                    .map(found::get)
                    .filter(Objects::nonNull)
                    .toList();
            entry = new Entry(course.version(), new People(university, professors), Instant.now());
            entries.put(course.id(), entry);
        }
        return entry.people();
    }
}
