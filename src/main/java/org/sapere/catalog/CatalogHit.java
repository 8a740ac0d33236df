package org.sapere.catalog;

/** A course found by a search, with its title and the passage of its summary that matched, matches marked. */
public record CatalogHit(CatalogEntry entry, Snippet title, Snippet snippet) {}
