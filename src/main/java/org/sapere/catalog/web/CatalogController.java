package org.sapere.catalog.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.sapere.catalog.Catalog;
import org.sapere.catalog.CatalogPage;
import org.sapere.catalog.CatalogQuery;
import org.sapere.course.CourseAuthoring;
import org.sapere.enrolment.Registrar;
import org.sapere.identity.IdentityDirectory;
import org.sapere.identity.Organisation;
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

    private static final int MAX_VALUE = 64;
    private static final int MAX_VALUES = 20;
    private static final int MAX_PAGE = 1000;

    private final Catalog catalog;
    private final CourseAuthoring courses;
    private final IdentityDirectory identity;
    private final Registrar registrar;
    private final CoursePages pages;
    private final SiteAddress site;
    private final CourseMetadata metadata;

    private final org.sapere.video.VideoLessons videos;

    CatalogController(
            Catalog catalog,
            CourseAuthoring courses,
            IdentityDirectory identity,
            Registrar registrar,
            CoursePages pages,
            SiteAddress site,
            CourseMetadata metadata,
            org.sapere.video.VideoLessons videos) {
        this.videos = videos;
        this.site = site;
        this.metadata = metadata;
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
            @RequestParam(required = false) @Nullable List<String> subject,
            @RequestParam(required = false) @Nullable List<String> university,
            @RequestParam(required = false) @Nullable List<String> language,
            @RequestParam(required = false) @Nullable List<String> level,
            @RequestParam(required = false) @Nullable List<String> effort,
            @RequestParam(required = false) @Nullable String sort,
            @RequestParam(required = false) @Nullable String page,
            Locale locale,
            HttpServletResponse response) {
        var query = new CatalogQuery(
                q,
                values(subject),
                values(university),
                values(language),
                values(level),
                values(effort),
                CatalogQuery.Sort.of(sort),
                pageNumber(page));
        String error = null;
        CatalogPage result;
        if (query.text() != null && query.text().length() > CatalogQuery.MAX_TEXT) {
            error = "catalog.search.tooLong";
            result = new CatalogPage(List.of(), 0, 1, Catalog.PAGE_SIZE, CatalogPage.Facets.NONE);
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        } else {
            result = catalog.find(query, locale);
            if (result.hits().isEmpty() && result.page() > result.pageCount()) {
                query = query.withPage(result.pageCount());
                result = catalog.find(query, locale);
            }
        }
        var names = identity.organisations().stream()
                .collect(Collectors.toMap(Organisation::slug, Organisation::name, (a, b) -> a));
        return new ModelAndView("catalog/courses")
                .addObject("view", SearchView.of(query, result, names))
                .addObject("error", error);
    }

    @GetMapping("/courses/{slug}")
    ModelAndView course(
            @PathVariable String slug,
            @AuthenticationPrincipal @Nullable SignedInUser user,
            Locale locale,
            HttpServletRequest request) {
        var course = courses.outlineBySlug(slug).orElseThrow(() -> new NotFoundException("course " + slug));
        var people = pages.of(course);
        var enrolled = user != null && registrar.isEnrolled(user.accountId(), course.id());
        var url = site.of(request, "/courses/" + course.slug());
        var universityUrl =
                site.of(request, "/universities/" + people.university().slug());
        return new ModelAndView("catalog/course")
                .addObject("canonical", url)
                .addObject("learners", registrar.enrolmentCount(course.id()))
                .addObject(
                        "jsonLd",
                        metadata.jsonLd(course, people.university(), people.professors(), url, universityUrl, locale))
                .addObject("course", course)
                .addObject("university", people.university())
                .addObject("professors", people.professors())
                .addObject("enrolled", enrolled)
                .addObject("preview", videos.publicPreview(course, locale).orElse(null));
    }

    /** Filter values as sent, without blanks, overlong values or more than a form can hold. */
    private static List<String> values(@Nullable List<String> values) {
        if (values == null) {
            return List.of();
        }
        return values.stream()
                .filter(v -> !v.isBlank() && v.length() <= MAX_VALUE)
                .map(String::strip)
                .distinct()
                .limit(MAX_VALUES)
                .toList();
    }

    private static int pageNumber(@Nullable String page) {
        try {
            return page == null ? 1 : Math.min(MAX_PAGE, Math.max(1, Integer.parseInt(page.strip())));
        } catch (NumberFormatException e) {
            return 1;
        }
    }
}
