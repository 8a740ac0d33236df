/** Web contracts every module uses: the page context handed to templates and the security-rule hook. */
@NullMarked
package org.sapere.shared.web;

import org.jspecify.annotations.NullMarked;
