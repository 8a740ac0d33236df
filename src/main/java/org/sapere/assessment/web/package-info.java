/**
 * The assessment module's pages: the author's item form and question bank, quiz settings, a learner answering a quiz
 * (nothing that gives an answer away reaches the browser before submission) and the review afterwards, essay grading,
 * the gradebook and item analysis.
 */
@NullMarked
package org.sapere.assessment.web;

import org.jspecify.annotations.NullMarked;
