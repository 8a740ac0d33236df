package org.sapere.video.domain;

/** What ffprobe says about a video. */
public record Probe(double durationSeconds, int width, int height, boolean hasAudio, String videoCodec) {}
