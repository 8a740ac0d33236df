/** Question banks, quizzes and exams, grading, and IMS QTI interchange. */
@ApplicationModule(allowedDependencies = {"shared", "identity", "course", "enrolment"})
@NullMarked
package org.sapere.assessment;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
