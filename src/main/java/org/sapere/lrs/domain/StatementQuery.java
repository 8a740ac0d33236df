package org.sapere.lrs.domain;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The filters of a statements query (xAPI Communication 2.1.3). {@code afterStored} and {@code after} are the paging
 * cursor: the stored time and seq of the last statement of the previous page.
 */
public record StatementQuery(
        @Nullable String agent,
        @Nullable String verb,
        @Nullable String activity,
        @Nullable UUID registration,
        boolean relatedActivities,
        boolean relatedAgents,
        @Nullable Instant since,
        @Nullable Instant until,
        int limit,
        boolean ascending,
        @Nullable Instant afterStored,
        @Nullable Long after) {

    boolean filtersContent() {
        return agent != null || verb != null || activity != null || registration != null;
    }
}
