package org.sapere.identity;

import java.util.UUID;

/** Identifies an organisation, usually a university. */
public record OrganisationId(UUID value) {

    @Override
    public String toString() {
        return value.toString();
    }
}
