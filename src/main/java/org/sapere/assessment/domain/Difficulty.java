package org.sapere.assessment.domain;

/** How hard the author judges an item to be; used to pick items for a quiz, never in scoring. */
public enum Difficulty {
    EASY,
    MEDIUM,
    HARD
}
