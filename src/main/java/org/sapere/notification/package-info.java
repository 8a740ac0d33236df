/** Every e-mail Sapere sends: it listens to other modules' events and writes to people in their language. */
@ApplicationModule(allowedDependencies = {"shared", "identity", "learning", "credential"})
@NullMarked
package org.sapere.notification;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
