package org.sapere.video.domain;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.stereotype.Component;

/**
 * Video processing in {@code /actuator/health}: UP, or {@code UNAVAILABLE} when ffmpeg is missing (the rest of
 * Sapere works, so the overall status stays UP); {@code /actuator/health/video} shows ffmpeg's version or the
 * reason.
 */
@Component("videoProcessing")
class VideoHealth implements HealthIndicator {

    /** Ranked after UP in {@code management.endpoint.health.status.order}. */
    static final Status UNAVAILABLE = new Status("UNAVAILABLE", "video processing is unavailable");

    private final Ffmpeg ffmpeg;

    VideoHealth(Ffmpeg ffmpeg) {
        this.ffmpeg = ffmpeg;
    }

    @Override
    public Health health() {
        return ffmpeg.unavailableReason()
                .map(reason -> Health.status(UNAVAILABLE)
                        .withDetail("videoProcessing", "unavailable")
                        .withDetail("reason", reason)
                        .build())
                .orElseGet(() -> Health.up()
                        .withDetail("videoProcessing", "available")
                        .withDetail("ffmpeg", ffmpeg.version())
                        .build());
    }
}
