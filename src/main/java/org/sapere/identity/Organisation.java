package org.sapere.identity;

/** A university (or other organisation) as other modules see it. */
public record Organisation(
        OrganisationId id, String slug, String name, String shortName, String city, String country, String website) {}
