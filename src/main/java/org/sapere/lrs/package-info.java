/** The xAPI 1.0.3 Learning Record Store at /xapi: statements, documents, credentials of its clients. */
@ApplicationModule(allowedDependencies = {"shared", "identity"})
@NullMarked
package org.sapere.lrs;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
