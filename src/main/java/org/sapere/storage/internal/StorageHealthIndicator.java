package org.sapere.storage.internal;

import org.sapere.storage.MediaStorage;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.stereotype.Component;

/** {@code /actuator/health}'s {@code storage}: up while an object can be written and removed. */
@Component
class StorageHealthIndicator extends AbstractHealthIndicator {

    private final MediaStorage storage;

    StorageHealthIndicator(MediaStorage storage) {
        super("Media storage is not writable");
        this.storage = storage;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        storage.checkWritable();
        builder.up().withDetail("adapter", storage.getClass().getSimpleName());
    }
}
