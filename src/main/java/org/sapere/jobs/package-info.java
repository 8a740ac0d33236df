/**
 * Background jobs: a durable queue in PostgreSQL that survives restarts, retries failed attempts with exponential
 * back-off, and never runs one job twice at once, however many instances share the database.
 */
@ApplicationModule(allowedDependencies = {})
@NullMarked
package org.sapere.jobs;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
