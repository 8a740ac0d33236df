package org.sapere.video;

import java.util.List;
import java.util.Optional;

/**
 * What the course player needs to show a video lesson to one learner.
 *
 * @param media the signed address prefix of the video's files (ends with {@code /}); valid for a few hours
 * @param durationSeconds the video's length
 * @param resumeAt where the learner left off (0 at first, or after watching to the end)
 * @param watchedPercent how much of the video the learner has really played
 * @param completionPercent how much must be played to complete the lesson
 * @param progressUrl where the player reports what was watched
 * @param preview a public preview on the course page: nothing is reported
 */
public record VideoPlayer(
        Optional<String> media,
        String state,
        double durationSeconds,
        double resumeAt,
        int watchedPercent,
        int completionPercent,
        boolean completed,
        List<Track> captions,
        List<Chapter> chapters,
        List<Transcript> transcripts,
        List<Integer> renditions,
        String progressUrl,
        boolean preview) {

    /** Whether the video can be played (it has been processed). */
    public boolean ready() {
        return media.isPresent();
    }

    /** A captions file in one language. */
    public record Track(String language, String url, boolean preferred) {}

    /** A named part of the video. */
    public record Chapter(double start, String title) {

        /** The start as m:ss or h:mm:ss. */
        public String clock() {
            return VideoPlayer.clock(start);
        }
    }

    /** The captions of one language as a readable transcript. */
    public record Transcript(String language, List<Cue> cues) {}

    /** One caption. */
    public record Cue(double start, double end, String text) {

        public String clock() {
            return VideoPlayer.clock(start);
        }
    }

    static String clock(double seconds) {
        var s = (long) Math.floor(seconds);
        return s >= 3600
                ? String.format(java.util.Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
                : String.format(java.util.Locale.ROOT, "%d:%02d", s / 60, s % 60);
    }
}
