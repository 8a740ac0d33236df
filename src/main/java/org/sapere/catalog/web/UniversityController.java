package org.sapere.catalog.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.sapere.catalog.Catalog;
import org.sapere.catalog.CatalogQuery;
import org.sapere.identity.IdentityDirectory;
import org.sapere.identity.Person;
import org.sapere.shared.NotFoundException;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.servlet.ModelAndView;

/** A university's public page: who it is, its courses and the professors who teach them. */
@Controller
class UniversityController {

    private final Catalog catalog;
    private final IdentityDirectory identity;
    private final SiteAddress site;

    UniversityController(Catalog catalog, IdentityDirectory identity, SiteAddress site) {
        this.catalog = catalog;
        this.identity = identity;
        this.site = site;
    }

    @GetMapping("/universities/{slug}")
    ModelAndView university(@PathVariable String slug, Locale locale, HttpServletRequest request) {
        var university =
                slug.length() > 64 ? null : identity.organisationBySlug(slug).orElse(null);
        if (university == null) {
            throw new NotFoundException("university " + slug);
        }
        var courses = catalog.search(new CatalogQuery(null, null, university.slug(), null));
        List<Person> professors = identity.people(catalog.professorsOf(university.slug())).values().stream()
                .sorted(Comparator.comparing(Person::displayName))
                .toList();
        return new ModelAndView("catalog/university")
                .addObject("university", university)
                .addObject("courses", courses)
                .addObject("professors", professors)
                .addObject("canonical", site.of(request, "/universities/" + university.slug()));
    }
}
