/** Wiring only: the database, security, locale, error pages and the page context; no business code. */
@ApplicationModule(allowedDependencies = {"shared", "identity"})
@NullMarked
package org.sapere.config;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
