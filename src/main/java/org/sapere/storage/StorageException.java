package org.sapere.storage;

/** Storage failed: the disk, the network or the object store; the message says which key and what went wrong. */
public class StorageException extends RuntimeException {

    public StorageException(String message, Throwable cause) {
        super(message, cause);
    }

    public StorageException(String message) {
        super(message);
    }
}
