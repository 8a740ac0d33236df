package org.sapere.catalog;

import java.util.List;

/** One page of search results with the total and the facet counts of the whole result. */
public record CatalogPage(List<CatalogHit> hits, long total, int page, int pageSize, Facets facets) {

    public int pageCount() {
        return (int) Math.max(1, (total + pageSize - 1) / pageSize);
    }

    /**
     * How many courses each filter value would give. A filter's own values are counted with the other filters
     * applied but not itself, so choosing a second value of it shows what it adds.
     */
    public record Facets(
            List<Count> subjects,
            List<Count> universities,
            List<Count> languages,
            List<Count> levels,
            List<Count> efforts) {

        public static final Facets NONE = new Facets(List.of(), List.of(), List.of(), List.of(), List.of());
    }

    /** A filter value and the number of courses with it. */
    public record Count(String value, long count) {}
}
