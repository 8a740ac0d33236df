package org.sapere.storage;

import java.time.Instant;

/**
 * What is known about a stored object without reading it.
 *
 * @param size in bytes
 * @param contentType the media type given when it was stored ({@code application/octet-stream} if none was)
 */
public record StoredObject(StorageKey key, long size, String contentType, Instant lastModified) {}
