package org.sapere.video.web;

import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/** What the author's video pages show (read by the templates). */
public final class VideoAuthorView {

    private VideoAuthorView() {}

    /** A problem with one of the page's forms: which form, the message key and its argument. */
    public record Problem(String field, String key, Object argument) {}

    /**
     * The state of the lesson's newest upload.
     *
     * @param state NONE, QUEUED, PROCESSING, READY or FAILED
     * @param unavailable why video cannot be processed on this server, or null
     */
    public record Status(
            String state,
            int progress,
            @Nullable String fileName,
            @Nullable String error,
            @Nullable String errorDetail,
            double durationSeconds,
            List<Integer> renditions,
            @Nullable String poster,
            @Nullable String unavailable,
            String statusUrl) {

        public boolean working() {
            return state.equals("QUEUED") || state.equals("PROCESSING");
        }

        public String clock() {
            var s = (long) durationSeconds;
            return String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
        }

        public String qualities() {
            return String.join(", ", renditions.stream().map(h -> h + "p").toList());
        }
    }
}
