package org.sapere.storage;

/** A byte range that starts past the end of the object (HTTP 416); {@link #size()} is what the object has. */
public class UnsatisfiableRangeException extends StorageException {

    private final long size;

    public UnsatisfiableRangeException(StorageKey key, long first, long size) {
        super("Range starting at byte " + first + " is outside '" + key + "' (" + size + " bytes)");
        this.size = size;
    }

    public long size() {
        return size;
    }
}
