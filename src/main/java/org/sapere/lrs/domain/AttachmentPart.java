package org.sapere.lrs.domain;

/** The raw data of an attachment, as a multipart/mixed part carries it. */
public record AttachmentPart(String sha2, String contentType, byte[] content) {}
