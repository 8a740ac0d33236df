package org.sapere.shared;

/**
 * A module's share of the demo content. Loaded once, into an empty database, in ascending {@link #order()}, all in
 * one transaction; never in the {@code prod} profile.
 */
public interface DemoContent {

    /** Lower loads first: identity 10, course 20, enrolment 30, learning 40. */
    int order();

    void load();
}
