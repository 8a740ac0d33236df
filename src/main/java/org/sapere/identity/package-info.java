/** Accounts, organisations (universities), memberships and roles; signing in. */
@ApplicationModule(allowedDependencies = {"shared"})
@NullMarked
package org.sapere.identity;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
