/**
 * Courses as professors build them: Course → CourseModule → Lesson, with stable identities across published
 * versions. Lesson kinds are an extension point: other modules (video, quizzes) plug in without this one knowing.
 */
@ApplicationModule(allowedDependencies = {"shared", "identity", "storage"})
@NullMarked
package org.sapere.course;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
