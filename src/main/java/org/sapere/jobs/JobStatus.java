package org.sapere.jobs;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Where a job stands.
 *
 * @param attempts attempts started so far, the running one included
 * @param lastError a short message from the last failed attempt, if any (kept when a later attempt succeeds)
 * @param finishedAt when it succeeded or finally failed
 * @param runAt when a queued job is due (after a failed attempt: the end of its back-off)
 */
public record JobStatus(
        UUID id,
        String type,
        State state,
        int attempts,
        @Nullable String lastError,
        Instant createdAt,
        @Nullable Instant finishedAt,
        Instant runAt) {

    public enum State {
        /** Waiting for a worker, or for the end of a back-off. */
        QUEUED,
        /** A worker holds it (or held it: after a crash, until its lease expires). */
        RUNNING,
        SUCCEEDED,
        /** Gave up: a permanent failure, or the last allowed attempt failed. */
        FAILED
    }
}
