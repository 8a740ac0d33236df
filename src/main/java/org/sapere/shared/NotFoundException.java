package org.sapere.shared;

/** Thrown when what the request names does not exist (or is not visible to the requester); answered with 404. */
public class NotFoundException extends RuntimeException {

    public NotFoundException(String what) {
        super(what);
    }
}
