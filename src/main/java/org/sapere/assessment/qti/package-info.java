/** IMS QTI interchange: content packages read safely, items written as QTI 2.1 or 3.0 and read back. */
@NullMarked
package org.sapere.assessment.qti;

import org.jspecify.annotations.NullMarked;
