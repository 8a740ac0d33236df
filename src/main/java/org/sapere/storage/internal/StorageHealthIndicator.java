package org.sapere.storage.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.sapere.storage.MediaStorage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * {@code /actuator/health}'s {@code storage}: up while an object can be written and removed. The probe writes, so
 * its answer is kept for a few seconds: a busy health endpoint must not become a stream of writes to the store.
 */
@Component
class StorageHealthIndicator implements HealthIndicator {

    static final Duration KEEP = Duration.ofSeconds(10);

    private static final Logger log = LoggerFactory.getLogger(StorageHealthIndicator.class);

    private final MediaStorage storage;
    private final Clock clock;
    private @Nullable Health last;
    private Instant checkedAt = Instant.MIN;

    @Autowired
    StorageHealthIndicator(MediaStorage storage) {
        this(storage, Clock.systemUTC());
    }

    StorageHealthIndicator(MediaStorage storage, Clock clock) {
        this.storage = storage;
        this.clock = clock;
    }

    @Override
    public synchronized Health health() {
        var now = clock.instant();
        if (last == null || now.isAfter(checkedAt.plus(KEEP))) {
            last = probe();
            checkedAt = now;
        }
        return last;
    }

    private Health probe() {
        var adapter = storage.getClass().getSimpleName();
        try {
            storage.checkWritable();
            return Health.up().withDetail("adapter", adapter).build();
        } catch (RuntimeException e) {
            log.warn("Media storage is not writable: {}", e.getMessage());
            return Health.down().withDetail("adapter", adapter).withException(e).build();
        }
    }
}
