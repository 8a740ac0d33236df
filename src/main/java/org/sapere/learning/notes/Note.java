package org.sapere.learning.notes;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A learner's private note on a lesson; {@code videoSecond} is where the lesson's video was when it was written. */
public record Note(
        UUID id,
        UUID course,
        UUID lesson,
        @Nullable BigDecimal videoSecond,
        String body,
        Instant createdAt,
        Instant updatedAt) {

    /** The whole second of the video the note points at, or -1 for a note without a video time. */
    public int second() {
        return videoSecond == null ? -1 : videoSecond.intValue();
    }

    /** The video time as people read it: "3:12", or "1:02:05" past the hour. */
    public String clock() {
        return clock(Math.max(0, second()));
    }

    public boolean edited() {
        return updatedAt.isAfter(createdAt.plusSeconds(1));
    }

    static String clock(int seconds) {
        var hours = seconds / 3600;
        var minutes = seconds % 3600 / 60;
        var rest = seconds % 60;
        return hours > 0 ? "%d:%02d:%02d".formatted(hours, minutes, rest) : "%d:%02d".formatted(minutes, rest);
    }
}
