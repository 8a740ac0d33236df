package org.sapere.storage;

import org.sapere.shared.NotFoundException;

/** Nothing is stored under the key; answered with 404 where it reaches the web. */
public class StoredObjectNotFoundException extends NotFoundException {

    private final StorageKey key;

    public StoredObjectNotFoundException(StorageKey key) {
        super("Nothing is stored under '" + key + "'");
        this.key = key;
    }

    public StorageKey key() {
        return key;
    }
}
