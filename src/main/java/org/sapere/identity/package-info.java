/** Accounts, organisations (universities), memberships and roles; signing in. */
@ApplicationModule(allowedDependencies = {"shared", "shared::web"})
@NullMarked
package org.sapere.identity;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
