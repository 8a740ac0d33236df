package org.sapere.lrs;

import java.util.UUID;

/** The id of a stored xAPI statement. */
public record StatementId(UUID value) {

    @Override
    public String toString() {
        return value.toString();
    }
}
