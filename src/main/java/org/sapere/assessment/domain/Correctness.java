package org.sapere.assessment.domain;

/** How right a response, or one part of it, is. */
public enum Correctness {
    CORRECT,
    PARTIAL,
    INCORRECT,
    /** Waiting for a person: an essay not yet graded. */
    PENDING
}
