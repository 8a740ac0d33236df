/** Who is enrolled in which course (and, later, which run of it). */
@ApplicationModule(allowedDependencies = {"shared", "identity", "course"})
@NullMarked
package org.sapere.enrolment;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
