package org.sapere.catalog.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.sapere.catalog.CatalogPage;
import org.sapere.catalog.CatalogQuery;

/**
 * What the catalogue page shows of a search: the query, its results, the filters with their counts, and the
 * addresses of the other pages (the URL holds the whole query).
 */
public record SearchView(CatalogQuery query, CatalogPage result, List<Facet> facets, Map<String, String> universities) {

    private static final java.util.regex.Pattern CODE = java.util.regex.Pattern.compile("[A-Za-z0-9_-]{1,64}");

    /** A filter: its request parameter, the message key of its name and its values. */
    public record Facet(String param, String legendKey, List<Option> options) {}

    /** A value of a filter: how many courses have it and whether it is chosen. */
    public record Option(String value, long count, boolean checked) {}

    /** A link of the pagination. */
    public record PageLink(int number, String href, boolean current) {}

    static SearchView of(CatalogQuery query, CatalogPage result, Map<String, String> universities) {
        var f = result.facets();
        var facets = List.of(
                facet("subject", "catalog.subject", f.subjects(), query.subjects()),
                facet("university", "catalog.university", f.universities(), query.universities()),
                facet("language", "catalog.language", f.languages(), query.languages()),
                facet(
                        "level",
                        "course.level",
                        ordered(f.levels(), List.of("BEGINNER", "INTERMEDIATE", "ADVANCED")),
                        query.levels()),
                facet("effort", "course.effort", ordered(f.efforts(), CatalogQuery.EFFORTS), query.efforts()));
        return new SearchView(query, result, facets, universities);
    }

    /** Values with courses, plus chosen values without any (so they can be unchosen). */
    private static Facet facet(String param, String legendKey, List<CatalogPage.Count> counts, List<String> chosen) {
        var options = new ArrayList<Option>();
        for (var count : counts) {
            options.add(new Option(count.value(), count.count(), chosen.contains(count.value())));
        }
        for (var value : chosen) {
            // Only what could be a real value: anything else was never a choice of the form.
            if (CODE.matcher(value).matches()
                    && counts.stream().noneMatch(c -> c.value().equals(value))) {
                options.add(new Option(value, 0, true));
            }
        }
        return new Facet(param, legendKey, options);
    }

    private static List<CatalogPage.Count> ordered(List<CatalogPage.Count> counts, List<String> order) {
        return counts.stream()
                .sorted(java.util.Comparator.comparingInt(c -> {
                    var i = order.indexOf(c.value());
                    return i < 0 ? order.size() : i;
                }))
                .toList();
    }

    /** The name shown for a university's slug. */
    public String university(String slug) {
        return universities.getOrDefault(slug, slug);
    }

    public String href(int page) {
        var params = new ArrayList<String>();
        if (query.text() != null) {
            add(params, "q", List.of(query.text()));
        }
        add(params, "subject", query.subjects());
        add(params, "university", query.universities());
        add(params, "language", query.languages());
        add(params, "level", query.levels());
        add(params, "effort", query.efforts());
        if (query.sort() != CatalogQuery.Sort.RELEVANCE) {
            add(params, "sort", List.of(query.sort().param()));
        }
        if (page > 1) {
            add(params, "page", List.of(Integer.toString(page)));
        }
        return params.isEmpty() ? "/courses" : "/courses?" + String.join("&", params);
    }

    private static void add(List<String> params, String name, List<String> values) {
        for (var value : values) {
            params.add(name + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8));
        }
    }

    /** Up to two pages either side of the current one, and the first and last. */
    public List<PageLink> pages() {
        var links = new ArrayList<PageLink>();
        var last = result.pageCount();
        for (var n = 1; n <= last; n++) {
            if (n == 1 || n == last || Math.abs(n - query.page()) <= 2) {
                links.add(new PageLink(n, href(n), n == query.page()));
            }
        }
        return links;
    }

    public boolean hasPrevious() {
        return query.page() > 1;
    }

    public boolean hasNext() {
        return query.page() < result.pageCount();
    }

    public int firstShown() {
        return result.total() == 0 ? 0 : (query.page() - 1) * result.pageSize() + 1;
    }

    public long lastShown() {
        return Math.min(result.total(), (long) query.page() * result.pageSize());
    }
}
