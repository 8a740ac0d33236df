package org.sapere.catalog.web;

import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.sapere.catalog.Catalog;
import org.sapere.catalog.CatalogQuery;
import org.sapere.course.CourseAuthoring;
import org.sapere.enrolment.Registrar;
import org.sapere.identity.IdentityDirectory;
import org.sapere.identity.SignedInUser;
import org.sapere.shared.NotFoundException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/** Home, catalogue and course pages: public, readable without an account. */
@Controller
class CatalogController {

    private final Catalog catalog;
    private final CourseAuthoring courses;
    private final IdentityDirectory identity;
    private final Registrar registrar;
    private final CoursePages pages;

    CatalogController(
            Catalog catalog,
            CourseAuthoring courses,
            IdentityDirectory identity,
            Registrar registrar,
            CoursePages pages) {
        this.pages = pages;
        this.catalog = catalog;
        this.courses = courses;
        this.identity = identity;
        this.registrar = registrar;
    }

    @GetMapping("/")
    ModelAndView home() {
        var all = catalog.search(new CatalogQuery(null, null, null, null));
        return new ModelAndView("catalog/home")
                .addObject("featured", all.stream().limit(6).toList())
                .addObject("subjects", catalog.subjects())
                .addObject("universities", identity.organisations())
                .addObject("courseCount", all.size());
    }

    @GetMapping("/courses")
    ModelAndView courses(
            @RequestParam(required = false) @Nullable String q,
            @RequestParam(required = false) @Nullable String subject,
            @RequestParam(required = false) @Nullable String university,
            @RequestParam(required = false) @Nullable String language,
            HttpServletResponse response) {
        var query = new CatalogQuery(trim(q), trim(subject), trim(university), trim(language));
        String error = null;
        List<org.sapere.catalog.CatalogEntry> results;
        if (query.text() != null && query.text().length() > CatalogQuery.MAX_TEXT) {
            error = "catalog.search.tooLong";
            results = List.of();
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        } else {
            results = catalog.search(query);
        }
        return new ModelAndView("catalog/courses")
                .addObject("query", query)
                .addObject("error", error)
                .addObject("results", results)
                .addObject("subjects", catalog.subjects())
                .addObject("universities", identity.organisations());
    }

    @GetMapping("/courses/{slug}")
    ModelAndView course(@PathVariable String slug, @AuthenticationPrincipal @Nullable SignedInUser user) {
        var course = courses.outlineBySlug(slug).orElseThrow(() -> new NotFoundException("course " + slug));
        var people = pages.of(course);
        var enrolled = user != null && registrar.isEnrolled(user.accountId(), course.id());
        return new ModelAndView("catalog/course")
                .addObject("course", course)
                .addObject("university", people.university())
                .addObject("professors", people.professors())
                .addObject("enrolled", enrolled);
    }

    private static @Nullable String trim(@Nullable String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
