/**
 * Video lessons: resumable uploads, transcoding to HLS in background jobs, signed media delivery, the player's
 * captions, chapters and transcript, and how much of each video a learner has really watched.
 */
@ApplicationModule(allowedDependencies = {"shared", "identity", "course", "enrolment", "storage", "jobs"})
@NullMarked
package org.sapere.video;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
