/** The S3-compatible object store adapter of the storage port (AWS SDK v2). */
@NullMarked
package org.sapere.storage.s3;

import org.jspecify.annotations.NullMarked;
