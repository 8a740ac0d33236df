/** Small value types and web contracts shared by every module; it holds no beans. */
@ApplicationModule(type = ApplicationModule.Type.OPEN)
@NullMarked
package org.sapere.shared;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
