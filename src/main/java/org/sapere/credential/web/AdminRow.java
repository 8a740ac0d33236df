package org.sapere.credential.web;

import org.sapere.credential.IssuedCredential;

/** One row of the admin list of credentials. */
public record AdminRow(IssuedCredential credential, String organisationName, boolean mayRevoke) {}
