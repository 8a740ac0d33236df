package org.sapere.jobs;

import java.util.UUID;

/**
 * One attempt at a job, as its handler receives it.
 *
 * @param payload what the job works on, as its enqueuer wrote it (usually JSON with ids, not personal data)
 * @param attempt 1 for the first attempt; an attempt stopped by a shutdown is not counted
 */
public record Job(UUID id, String type, String payload, int attempt) {}
