package org.sapere.notification.domain;

/** A plain-text mail to one person. */
public record OutgoingMail(String to, String subject, String text) {}
