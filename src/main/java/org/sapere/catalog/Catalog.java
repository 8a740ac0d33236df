package org.sapere.catalog;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
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
    private static final int MAX_BROWSE_ENTRIES = 500;

    private volatile Snapshot all = new Snapshot(List.of(), Instant.MIN);
    private final Map<BrowseKey, Browse> browsing = new ConcurrentHashMap<>();

    Catalog(Listings listings, ListingSearch search) {
        this.listings = listings;
        this.search = search;
    }

    /**
     * One page of results with facet counts; courses in the reader's language come first among equals. Browsing
     * without search words (the same for every visitor) is kept for a few seconds, like the home page's listing.
     */
    public CatalogPage find(CatalogQuery query, Locale reader) {
        if (query.text() != null) {
            return search.find(query, reader, PAGE_SIZE);
        }
        var key = new BrowseKey(query, reader.getLanguage());
        var cached = browsing.get(key);
        if (cached != null && cached.takenAt().plus(FRESH_FOR).isAfter(Instant.now())) {
            return cached.page();
        }
        var page = search.find(query, reader, PAGE_SIZE);
        if (browsing.size() >= MAX_BROWSE_ENTRIES) {
            browsing.clear();
        }
        browsing.put(key, new Browse(page, Instant.now()));
        return page;
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
        browsing.clear();
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
    public List<ListedCourse> addresses() {
        return listings.addresses();
    }

    /** The people who teach the listed courses of a university. */
    public List<AccountId> professorsOf(String universitySlug) {
        return listings.professors(universitySlug).stream().map(AccountId::new).toList();
    }

    private record Snapshot(List<CatalogEntry> entries, Instant takenAt) {}

    private record BrowseKey(CatalogQuery query, String language) {}

    private record Browse(CatalogPage page, Instant takenAt) {}
}
