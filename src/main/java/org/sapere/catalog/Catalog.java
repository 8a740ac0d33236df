package org.sapere.catalog;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.sapere.catalog.domain.ListingSearch;
import org.sapere.catalog.domain.Listings;
import org.sapere.identity.AccountId;
import org.springframework.stereotype.Service;

/**
 * The catalogue's facade: searches the listing of published courses. The unfiltered listing (the most asked)
 * is kept in memory for a few seconds, so several instances converge quickly after a course is published.
 */
@Service
public class Catalog {

    public static final int PAGE_SIZE = 12;
    private static final int LIST_SIZE = 200;
    private static final Duration FRESH_FOR = Duration.ofSeconds(5);

    private final Listings listings;
    private final ListingSearch search;
    private volatile Snapshot all = new Snapshot(List.of(), Instant.MIN);

    Catalog(Listings listings, ListingSearch search) {
        this.listings = listings;
        this.search = search;
    }

    /** One page of results with facet counts; the reader's language is searched first. */
    public CatalogPage find(CatalogQuery query, Locale reader) {
        return search.find(query, reader, PAGE_SIZE);
    }

    /** The first 200 courses matching the query, without facets (the home page, tests). */
    public List<CatalogEntry> search(CatalogQuery query) {
        if (!query.isEmpty()) {
            return entries(query);
        }
        var snapshot = all;
        if (snapshot.takenAt.plus(FRESH_FOR).isBefore(Instant.now())) {
            snapshot = new Snapshot(entries(query), Instant.now());
            all = snapshot;
        }
        return snapshot.entries;
    }

    private List<CatalogEntry> entries(CatalogQuery query) {
        return search.find(query, Locale.ENGLISH, LIST_SIZE).hits().stream()
                .map(CatalogHit::entry)
                .toList();
    }

    /** Forgets the cached listing; called when the listing changed here. */
    public void refresh() {
        all = new Snapshot(List.of(), Instant.MIN);
    }

    /** The subjects that at least one published course covers, for the filter. */
    public List<String> subjects() {
        return search(CatalogQuery.everything()).stream()
                .flatMap(e -> e.subjects().stream())
                .distinct()
                .sorted()
                .toList();
    }

    /** Every listed course's address and listing time, for the sitemap. */
    public List<Listings.Address> addresses() {
        return listings.addresses();
    }

    /** The people who teach the listed courses of a university. */
    public List<AccountId> professorsOf(String universitySlug) {
        return listings.professors(universitySlug).stream().map(AccountId::new).toList();
    }

    private record Snapshot(List<CatalogEntry> entries, Instant takenAt) {}
}
