/** Progress and completion: what each learner has done in each course, the course player and "My learning". */
@ApplicationModule(
        allowedDependencies = {"shared", "identity", "course", "enrolment", "storage", "video", "assessment", "lrs"})
@NullMarked
package org.sapere.learning;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
