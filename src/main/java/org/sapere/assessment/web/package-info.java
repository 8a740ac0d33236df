/**
 * How a learner sees and answers an item, and how the answer is reviewed: what the answer form shows (nothing that
 * gives the answer away), how its fields become a {@link org.sapere.assessment.domain.Response}, and the review
 * after submitting.
 */
@NullMarked
package org.sapere.assessment.web;

import org.jspecify.annotations.NullMarked;
