package org.sapere.shared;

import java.util.List;

/** Sapere's subject areas, by code; their names are the messages {@code subject.<code>}. */
public final class Subjects {

    public static final List<String> ALL =
            List.of("artificial-intelligence", "project-management", "soft-skills", "sustainable-technologies");

    private Subjects() {}
}
