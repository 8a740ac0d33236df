package org.sapere.storage;

import java.io.InputStream;
import java.util.List;
import java.util.Optional;

/**
 * Where Sapere keeps the bytes of files and media. Objects are written whole or not at all (a reader never sees a
 * half-written object, and a failed write leaves what was there before), always streamed: no implementation holds a
 * whole object in memory. Chosen by {@code sapere.storage.type}: {@code local} (default) or {@code s3}.
 */
public interface MediaStorage {

    /** The length to give {@link #put} when the stream's length is not known in advance. */
    long UNKNOWN_LENGTH = -1;

    /**
     * Stores the stream's bytes under the key, replacing what was there once all of them have arrived. The stream is
     * read to its end but not closed.
     *
     * @param length the number of bytes the stream holds, or {@link #UNKNOWN_LENGTH}; a stream that ends early or
     *     holds more is refused and nothing is stored
     * @param contentType the media type to give readers, e.g. {@code image/png}
     * @throws StorageException when reading the stream or writing fails; the key then holds what it held before
     */
    StoredObject put(StorageKey key, InputStream content, long length, String contentType);

    /**
     * Opens the whole object for reading.
     *
     * @throws StoredObjectNotFoundException when nothing is stored under the key
     */
    StoredContent open(StorageKey key);

    /**
     * Opens bytes {@code first} to {@code last} (inclusive, as in an HTTP {@code Range} header); a {@code last} past
     * the end is cut to the end, and {@link Long#MAX_VALUE} means "to the end" (a {@code bytes=first-} header).
     *
     * @throws StoredObjectNotFoundException when nothing is stored under the key
     * @throws UnsatisfiableRangeException when {@code first} is at or past the end
     * @throws IllegalArgumentException when {@code first} is negative or after {@code last}
     */
    StoredContent openRange(StorageKey key, long first, long last);

    /** The object's metadata, if something is stored under the key. */
    Optional<StoredObject> find(StorageKey key);

    /** Whether something is stored under the key. */
    default boolean exists(StorageKey key) {
        return find(key).isPresent();
    }

    /** Removes the object; nothing happens if there is none. */
    void delete(StorageKey key);

    /**
     * The keys that start with the prefix, sorted; {@link #find} gives an object's metadata.
     *
     * @param prefix empty for all, or the start of a key such as {@code courses/42/}
     * @throws InvalidStorageKeyException when no valid key could start with the prefix
     */
    List<StorageKey> list(String prefix);

    /**
     * The file that holds the object, when it is on this machine's filesystem and exists: for zero-copy serving
     * (sendfile). Readers must not change it. Other stores answer empty, and callers then {@link #open} it.
     */
    default Optional<java.nio.file.Path> localFile(StorageKey key) {
        return Optional.empty();
    }

    /** Checks that an object can be written and removed now: the health indicator's probe. */
    void checkWritable();
}
