package org.sapere.learning;

import java.util.List;
import java.util.UUID;

/** A benchmark learner signed in over HTTP: their session cookie, a CSRF token, the lessons of their courses. */
record LearnerSession(int number, UUID account, String cookie, String csrf, List<UUID> lessons) {}
