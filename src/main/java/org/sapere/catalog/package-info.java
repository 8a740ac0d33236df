/** The public face: home page, the catalogue with search and filters, and each course's page. A read model fed by events. */
@ApplicationModule(allowedDependencies = {"shared", "identity", "course", "enrolment", "video"})
@NullMarked
package org.sapere.catalog;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
