package org.sapere.jobs;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A handler for the tests: runs the given body and remembers every job it was given. */
final class JobsTestHandler implements JobHandler {

    interface Body {
        void run(Job job, JobContext context) throws Exception;
    }

    private final String type;
    private final int maxAttempts;
    private final Body body;
    final List<Job> runs = new CopyOnWriteArrayList<>();

    JobsTestHandler(String type, int maxAttempts, Body body) {
        this.type = type;
        this.maxAttempts = maxAttempts;
        this.body = body;
    }

    JobsTestHandler(String type, Body body) {
        this(type, 5, body);
    }

    @Override
    public String type() {
        return type;
    }

    @Override
    public int maxAttempts() {
        return maxAttempts;
    }

    @Override
    public void run(Job job, JobContext context) throws Exception {
        runs.add(job);
        body.run(job, context);
    }
}
