package org.sapere.catalog;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.sapere.catalog.domain.Listings;
import org.springframework.stereotype.Service;

/**
 * The catalogue's facade: searches the listing of published courses. The unfiltered listing (the most asked)
 * is kept in memory for a few seconds, so several instances converge quickly after a course is published.
 */
@Service
public class Catalog {

    private static final Duration FRESH_FOR = Duration.ofSeconds(5);

    private final Listings listings;
    private volatile Snapshot all = new Snapshot(List.of(), Instant.MIN);

    Catalog(Listings listings) {
        this.listings = listings;
    }

    public List<CatalogEntry> search(CatalogQuery query) {
        if (!query.isEmpty()) {
            return listings.search(query);
        }
        var snapshot = all;
        if (snapshot.takenAt.plus(FRESH_FOR).isBefore(Instant.now())) {
            snapshot = new Snapshot(listings.search(query), Instant.now());
            all = snapshot;
        }
        return snapshot.entries;
    }

    /** Forgets the cached listing; called when the listing changed here. */
    public void refresh() {
        all = new Snapshot(List.of(), Instant.MIN);
    }

    /** The subjects that at least one published course covers, for the filter. */
    public List<String> subjects() {
        return search(new CatalogQuery(null, null, null, null)).stream()
                .flatMap(e -> e.subjects().stream())
                .distinct()
                .sorted()
                .toList();
    }

    private record Snapshot(List<CatalogEntry> entries, Instant takenAt) {}
}
