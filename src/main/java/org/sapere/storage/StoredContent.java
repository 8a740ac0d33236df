package org.sapere.storage;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * An open stream over a stored object, or over a range of it, with the object's metadata: close it (try with
 * resources).
 *
 * @param object the whole object's metadata; its size is the total for a {@code Content-Range} header
 * @param first the first byte position that {@code stream} delivers
 * @param last the last byte position it delivers (inclusive; {@code -1} for an empty object)
 * @param stream the bytes from {@code first} to {@code last}
 */
public record StoredContent(StoredObject object, long first, long last, InputStream stream) implements AutoCloseable {

    /** How many bytes {@link #stream()} delivers. */
    public long length() {
        return last - first + 1;
    }

    /** Whether this is a part of the object, not all of it. */
    public boolean partial() {
        return length() != object.size();
    }

    @Override
    public void close() {
        try {
            stream.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
