package org.sapere.credential.web;

import org.sapere.credential.IssuedCredential;

/** One credential on the wallet page, with its links. */
public record WalletEntry(IssuedCredential credential, String organisationName, String verifyUrl, String linkedInUrl) {}
