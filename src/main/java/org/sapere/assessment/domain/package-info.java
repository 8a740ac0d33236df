/** Items of every type, learners' responses to them, and how a response is scored. */
@NullMarked
package org.sapere.assessment.domain;

import org.jspecify.annotations.NullMarked;
