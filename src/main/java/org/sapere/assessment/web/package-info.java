/** The author's item form: converting between an item and the fields professors type, and back. */
@NullMarked
package org.sapere.assessment.web;

import org.jspecify.annotations.NullMarked;
