package org.sapere.assessment.web;

import org.jspecify.annotations.Nullable;

/**
 * One question on an open attempt's page: still to answer ({@code asked}), or, with immediate feedback, already
 * checked and shown with its feedback ({@code checked}).
 */
public record QuestionOnPage(
        int position, @Nullable AskedItem asked, @Nullable ReviewedItem checked) {}
