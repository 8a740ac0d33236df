package org.sapere.video.domain;

/** The media type of each kind of file a processed video has. */
public final class MediaTypes {

    private MediaTypes() {}

    public static String of(String path) {
        if (path.endsWith(".m3u8")) {
            return "application/vnd.apple.mpegurl";
        }
        if (path.endsWith(".ts")) {
            return "video/mp2t";
        }
        if (path.endsWith(".mp4")) {
            return "video/mp4";
        }
        if (path.endsWith(".jpg")) {
            return "image/jpeg";
        }
        if (path.endsWith(".vtt")) {
            return "text/vtt;charset=utf-8";
        }
        return "application/octet-stream";
    }
}
