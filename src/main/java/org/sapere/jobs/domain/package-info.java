/** The queue's table, the workers that claim and run its jobs, and their settings. */
@NullMarked
package org.sapere.jobs.domain;

import org.jspecify.annotations.NullMarked;
