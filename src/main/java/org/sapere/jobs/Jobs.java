package org.sapere.jobs;

import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.sapere.jobs.domain.JobQueue;
import org.sapere.jobs.domain.JobSignal;
import org.springframework.stereotype.Service;

/** The jobs module's facade: puts work on the durable queue and tells how it went. */
@Service
public class Jobs {

    private final JobQueue queue;
    private final JobSignal signal;

    Jobs(JobQueue queue, JobSignal signal) {
        this.queue = queue;
        this.signal = signal;
    }

    /**
     * Queues a job for the {@link JobHandler} of its type, due at once. Joins the caller's transaction if there is
     * one: the job exists only if that transaction commits, and this instance's workers are woken when it does (other
     * instances find it when they next poll).
     *
     * @param type at most 100 characters, e.g. {@code video.transcode}
     * @param payload what the handler needs, usually JSON with ids
     * @return the job's id, for {@link #status}
     */
    public UUID enqueue(String type, String payload) {
        return add(type, payload, null);
    }

    /**
     * Like {@link #enqueue(String, String)}, but at most one unfinished (queued or running) job exists per key:
     * while there is one, its id is returned and nothing is queued. Keys are global, so prefix them with the type
     * ({@code video.transcode:<video id>}); once the job has succeeded or failed, the key is free again.
     *
     * @param dedupeKey at most 200 characters
     */
    public UUID enqueue(String type, String payload, String dedupeKey) {
        return add(type, payload, dedupeKey);
    }

    private UUID add(String type, String payload, @Nullable String dedupeKey) {
        if (type.isBlank() || type.length() > 100) {
            throw new IllegalArgumentException("A job type is 1 to 100 characters: " + type);
        }
        if (dedupeKey != null && (dedupeKey.isBlank() || dedupeKey.length() > 200)) {
            throw new IllegalArgumentException("A dedupe key is 1 to 200 characters");
        }
        var id = queue.insert(type, payload, dedupeKey);
        signal.wakeAfterCommit();
        return id;
    }

    /** The job's state, attempts and last error; empty for an unknown id (or a success deleted after a week). */
    public Optional<JobStatus> status(UUID id) {
        return queue.status(id);
    }
}
