package org.sapere.jobs.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.sapere.jobs.PermanentJobFailure;

/** Back-off and error messages, without a database. */
class JobsPropertiesTests {

    private final JobsProperties defaults = new JobsProperties(
            true,
            1,
            Duration.ofSeconds(2),
            Duration.ofSeconds(60),
            Duration.ofSeconds(30),
            Duration.ofSeconds(10),
            Duration.ofDays(7));

    @Test
    void theRetryDelayDoublesPerAttemptUpToAnHour() {
        assertThat(defaults.backoff(1)).isEqualTo(Duration.ofSeconds(30));
        assertThat(defaults.backoff(2)).isEqualTo(Duration.ofSeconds(60));
        assertThat(defaults.backoff(5)).isEqualTo(Duration.ofMinutes(8));
        assertThat(defaults.backoff(7)).isEqualTo(Duration.ofMinutes(32));
        assertThat(defaults.backoff(8)).isEqualTo(Duration.ofHours(1));
        assertThat(defaults.backoff(1000)).isEqualTo(Duration.ofHours(1));
    }

    @Test
    void nonsensicalSettingsAreRefused() {
        assertThatThrownBy(() -> new JobsProperties(
                        true,
                        0,
                        Duration.ofSeconds(2),
                        Duration.ofSeconds(60),
                        Duration.ofSeconds(30),
                        Duration.ofSeconds(10),
                        Duration.ofDays(7)))
                .hasMessageContaining("workers");
        assertThatThrownBy(() -> new JobsProperties(
                        true,
                        1,
                        Duration.ZERO,
                        Duration.ofSeconds(60),
                        Duration.ofSeconds(30),
                        Duration.ofSeconds(10),
                        Duration.ofDays(7)))
                .hasMessageContaining("poll-interval");
    }

    @Test
    void anErrorIsDescribedByItsClassMessageAndRootCause() {
        assertThat(JobAttempts.describe(new PermanentJobFailure("unreadable input")))
                .isEqualTo("unreadable input");
        assertThat(JobAttempts.describe(new IOException("reset", new IllegalStateException("gone"))))
                .isEqualTo("java.io.IOException: reset (caused by java.lang.IllegalStateException: gone)");
        assertThat(JobQueue.truncate("e".repeat(1001))).hasSize(1000);
        assertThat(JobQueue.truncate("short")).isEqualTo("short");
    }
}
