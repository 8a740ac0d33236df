/**
 * Credentials anyone can verify: Open Badges 3.0 credentials signed with the issuing university's key, PDF
 * certificates and transcripts, public verification and revocation.
 */
@ApplicationModule(allowedDependencies = {"shared", "identity", "course", "learning"})
@NullMarked
package org.sapere.credential;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
