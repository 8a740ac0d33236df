package org.sapere.catalog.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.sapere.course.CourseOutline;
import org.sapere.identity.Organisation;
import org.sapere.identity.Person;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/** What a course page tells search engines and link previews: schema.org {@code Course} as JSON-LD. */
@Component
class CourseMetadata {

    private final MessageSource messages;

    CourseMetadata(MessageSource messages) {
        this.messages = messages;
    }

    /** The JSON-LD document, safe to place inside {@code <script type="application/ld+json">}. */
    String jsonLd(
            CourseOutline course,
            Organisation university,
            List<Person> professors,
            String url,
            String universityUrl,
            Locale reader) {
        var provider = new LinkedHashMap<String, Object>();
        provider.put("@type", "CollegeOrUniversity");
        provider.put("name", university.name());
        provider.put("url", universityUrl);
        provider.put("sameAs", university.website().isBlank() ? null : university.website());
        var workload = "PT%dH%dM".formatted(course.minutes() / 60, course.minutes() % 60);
        var document = new LinkedHashMap<String, Object>();
        document.put("@context", "https://schema.org");
        document.put("@type", "Course");
        document.put("@id", url);
        document.put("url", url);
        document.put("name", course.title().in(reader));
        document.put("description", course.summary().in(reader));
        document.put("inLanguage", course.language());
        document.put("provider", provider);
        document.put("educationalLevel", course.level().name().toLowerCase(Locale.ROOT));
        document.put(
                "about",
                course.subjects().stream()
                        .map(s -> messages.getMessage("subject." + s, null, s, reader))
                        .toList());
        document.put(
                "teaches", course.outcomes().stream().map(o -> o.in(reader)).toList());
        document.put("timeRequired", workload);
        document.put("isAccessibleForFree", true);
        document.put(
                "instructor",
                professors.stream()
                        .map(p -> Map.of("@type", "Person", "name", p.displayName()))
                        .toList());
        document.put("offers", Map.of("@type", "Offer", "category", "Free", "price", 0, "priceCurrency", "EUR"));
        document.put(
                "hasCourseInstance",
                Map.of("@type", "CourseInstance", "courseMode", "Online", "courseWorkload", workload));
        return Json.write(document);
    }
}
