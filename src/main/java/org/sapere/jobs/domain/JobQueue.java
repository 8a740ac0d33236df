package org.sapere.jobs.domain;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.sapere.jobs.Job;
import org.sapere.jobs.JobStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The table {@code jobs.job}. Every change to a claimed job is fenced: it applies only while the job is still
 * running under the same lease owner and attempt, so a worker that lost its lease cannot overwrite the work of the
 * one that took the job over.
 */
@Repository
public class JobQueue {

    /** Longer error messages are cut: the log has the whole exception. */
    static final int MAX_ERROR_LENGTH = 1000;

    private static final String FENCE =
            "id = :id AND state = 'RUNNING' AND lease_owner = :owner AND attempts = :attempt";

    private final JdbcClient jdbc;

    JobQueue(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Adds a due job, or, when an unfinished job holds the dedupe key, returns that one's id. Runs in the caller's
     * transaction if there is one.
     */
    public UUID insert(String type, String payload, @Nullable String dedupeKey) {
        // A job holding the key can finish between the insert and the select: then the insert is tried again.
        for (var tries = 0; tries < 3; tries++) {
            var inserted = jdbc.sql("""
                    INSERT INTO jobs.job (id, type, payload, dedupe_key, state, run_at, created_at)
                    VALUES (:id, :type, :payload, :key, 'QUEUED', now(), now())
                    ON CONFLICT (dedupe_key) WHERE state IN ('QUEUED', 'RUNNING') DO NOTHING
                    RETURNING id""")
                    .param("id", UUID.randomUUID())
                    .param("type", type)
                    .param("payload", payload)
                    .param("key", dedupeKey)
                    .query(UUID.class)
                    .optional();
            if (inserted.isPresent()) {
                return inserted.get();
            }
            var existing =
                    jdbc.sql("""
                    SELECT id FROM jobs.job WHERE dedupe_key = :key AND state IN ('QUEUED', 'RUNNING')""").param("key", dedupeKey).query(UUID.class).optional();
            if (existing.isPresent()) {
                return existing.get();
            }
        }
        throw new IllegalStateException("Could not enqueue a job with dedupe key " + dedupeKey);
    }

    /**
     * Takes the oldest due job of one of the types (queued and due, or running under an expired lease) and leases it
     * to the owner: one statement, skipping jobs other workers are claiming at the same moment.
     */
    public Optional<Job> claim(String owner, Collection<String> types, Duration lease) {
        return jdbc.sql("""
                UPDATE jobs.job
                SET state = 'RUNNING', attempts = attempts + 1, lease_owner = :owner,
                    lease_until = now() + make_interval(secs => :lease), started_at = now()
                WHERE id = (
                    SELECT id FROM jobs.job
                    WHERE type = ANY(:types)
                      AND ((state = 'QUEUED' AND run_at <= now()) OR (state = 'RUNNING' AND lease_until < now()))
                    ORDER BY run_at
                    LIMIT 1
                    FOR UPDATE SKIP LOCKED)
                RETURNING id, type, payload, attempts""")
                .param("owner", owner)
                .param("types", types.toArray(String[]::new))
                .param("lease", seconds(lease))
                .query((rs, n) -> new Job(
                        rs.getObject("id", UUID.class),
                        rs.getString("type"),
                        rs.getString("payload"),
                        rs.getInt("attempts")))
                .optional();
    }

    /** Extends the lease; false when the owner no longer holds it. */
    public boolean renew(Job job, String owner, Duration lease) {
        return fenced(
                job, owner, "lease_until = now() + make_interval(secs => :lease)", Map.of("lease", seconds(lease)));
    }

    public boolean succeed(Job job, String owner) {
        return fenced(
                job,
                owner,
                "state = 'SUCCEEDED', finished_at = now(), lease_owner = NULL, lease_until = NULL",
                Map.of());
    }

    /** Queues the job again after a failed attempt, due after the delay. */
    public boolean retry(Job job, String owner, Duration delay, String error) {
        return fenced(job, owner, """
                state = 'QUEUED', run_at = now() + make_interval(secs => :delay), last_error = :error,
                lease_owner = NULL, lease_until = NULL""", Map.of("delay", seconds(delay), "error", truncate(error)));
    }

    public boolean fail(Job job, String owner, String error) {
        return fenced(job, owner, """
                state = 'FAILED', finished_at = now(), last_error = :error, lease_owner = NULL, lease_until = NULL""", Map.of("error", truncate(error)));
    }

    /** Gives the job back to the queue, due at once, without counting this attempt. */
    public boolean release(Job job, String owner) {
        return fenced(job, owner, """
                state = 'QUEUED', run_at = now(), attempts = attempts - 1, lease_owner = NULL, lease_until = NULL""", Map.of());
    }

    public Optional<JobStatus> status(UUID id) {
        return jdbc.sql("""
                SELECT id, type, state, attempts, last_error, created_at, finished_at, run_at
                FROM jobs.job WHERE id = :id""")
                .param("id", id)
                .query((rs, n) -> new JobStatus(
                        rs.getObject("id", UUID.class),
                        rs.getString("type"),
                        JobStatus.State.valueOf(rs.getString("state")),
                        rs.getInt("attempts"),
                        rs.getString("last_error"),
                        instant(rs, "created_at"),
                        rs.getTimestamp("finished_at") == null ? null : instant(rs, "finished_at"),
                        instant(rs, "run_at")))
                .optional();
    }

    /** Deletes succeeded jobs that finished more than {@code age} ago, a thousand at a time; returns how many. */
    public int deleteSucceeded(Duration age) {
        return jdbc.sql("""
                DELETE FROM jobs.job WHERE id IN (
                    SELECT id FROM jobs.job
                    WHERE state = 'SUCCEEDED' AND finished_at < now() - make_interval(secs => :age)
                    LIMIT 1000)""").param("age", seconds(age)).update();
    }

    /** Types of due queued jobs that none of the given types covers. */
    public List<String> dueTypesOtherThan(Collection<String> types) {
        return jdbc.sql("""
                SELECT DISTINCT type FROM jobs.job
                WHERE state = 'QUEUED' AND run_at <= now() AND NOT (type = ANY(:types))""")
                .param("types", types.toArray(String[]::new))
                .query(String.class)
                .list();
    }

    /** Applies the change only while the owner still holds this attempt's lease; false when it no longer does. */
    private boolean fenced(Job job, String owner, String set, Map<String, ?> params) {
        return jdbc.sql("UPDATE jobs.job SET " + set + " WHERE " + FENCE)
                        .params(params)
                        .param("id", job.id())
                        .param("owner", owner)
                        .param("attempt", job.attempt())
                        .update()
                > 0;
    }

    private static double seconds(Duration duration) {
        return duration.toMillis() / 1000.0;
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        return rs.getTimestamp(column).toInstant();
    }

    static String truncate(String error) {
        return error.length() <= MAX_ERROR_LENGTH ? error : error.substring(0, MAX_ERROR_LENGTH - 1) + "…";
    }
}
