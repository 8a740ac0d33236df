package org.sapere.identity;

import java.util.UUID;

/** Identifies a person's account. */
public record AccountId(UUID value) {

    public static AccountId random() {
        return new AccountId(UUID.randomUUID());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
