/** Single sign-on: each organisation's OpenID Connect provider, and the people who sign in through it. */
@ApplicationModule(allowedDependencies = {"shared", "identity"})
@NullMarked
package org.sapere.sso;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
