package org.sapere.identity.web;

/** What the registration form shows again after an error: everything but the password. */
public record RegisterForm(String email, String displayName) {}
