/** Helpers the storage adapters share. */
@NullMarked
package org.sapere.storage.internal;

import org.jspecify.annotations.NullMarked;
