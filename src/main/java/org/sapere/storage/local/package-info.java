/** The filesystem adapter of the storage port. */
@NullMarked
package org.sapere.storage.local;

import org.jspecify.annotations.NullMarked;
