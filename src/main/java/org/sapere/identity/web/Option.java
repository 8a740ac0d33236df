package org.sapere.identity.web;

/** One choice of a select: its value and what people read. */
public record Option(String value, String label) {}
