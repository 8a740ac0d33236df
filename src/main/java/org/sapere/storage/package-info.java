/**
 * Bytes of files and media (covers, materials, video) under validated keys, streamed, on the local filesystem or an
 * S3-compatible object store.
 */
@ApplicationModule(allowedDependencies = {"shared"})
@NullMarked
package org.sapere.storage;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
