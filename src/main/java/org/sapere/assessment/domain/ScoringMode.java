package org.sapere.assessment.domain;

/**
 * Whether an item with several parts (options, gaps, positions, pairs) gives credit for each part right, or its points
 * only when every part is right. Items with a single answer score the same in both modes.
 */
public enum ScoringMode {
    /** The type's default partial credit, described on {@link Scoring}. */
    PARTIAL,
    /** Full points when the whole response is right, otherwise none. */
    ALL_OR_NOTHING
}
