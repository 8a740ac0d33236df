package org.sapere.jobs.domain;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code sapere.jobs.*}: the background workers of this instance.
 *
 * @param enabled whether this instance runs jobs at all; {@code false} still lets it enqueue them
 * @param workers how many jobs this instance runs at once
 * @param pollInterval how often an idle worker looks for due jobs (enqueuing on this instance wakes it at once)
 * @param lease how long a claimed job stays this worker's without a renewal; renewed every third of it while the
 *     handler runs, and after a crash the job waits this long before another instance takes it over
 * @param retryDelay the wait after a first failed attempt, doubled after each further one, at most an hour
 * @param shutdownWait how long stopping waits for running handlers before giving their jobs back to the queue
 * @param keepSucceeded how long succeeded jobs are kept before they are deleted (failed ones are kept)
 */
@ConfigurationProperties("sapere.jobs")
public record JobsProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("1") int workers,
        @DefaultValue("2s") Duration pollInterval,
        @DefaultValue("60s") Duration lease,
        @DefaultValue("30s") Duration retryDelay,
        @DefaultValue("10s") Duration shutdownWait,
        @DefaultValue("7d") Duration keepSucceeded) {

    static final Duration MAX_RETRY_DELAY = Duration.ofHours(1);

    public JobsProperties {
        if (workers < 1) {
            throw new IllegalArgumentException("sapere.jobs.workers must be at least 1");
        }
        if (lease.toMillis() < 300) {
            throw new IllegalArgumentException("sapere.jobs.lease must be at least 300ms");
        }
        if (pollInterval.isNegative()
                || pollInterval.isZero()
                || retryDelay.isNegative()
                || shutdownWait.isNegative()) {
            throw new IllegalArgumentException("sapere.jobs durations must not be negative (poll-interval above zero)");
        }
    }

    /** The wait before the attempt after {@code failedAttempt}: the retry delay doubled per attempt, at most an hour. */
    public Duration backoff(int failedAttempt) {
        var delay = retryDelay.multipliedBy(1L << Math.clamp(failedAttempt - 1, 0, 20));
        return delay.compareTo(MAX_RETRY_DELAY) > 0 ? MAX_RETRY_DELAY : delay;
    }
}
