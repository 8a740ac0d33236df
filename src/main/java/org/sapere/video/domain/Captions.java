package org.sapere.video.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Reads captions in WebVTT or SRT (turned into WebVTT), and chapters typed as lines of "time title". Cue text keeps
 * no markup: tags are dropped, so what is stored and shown is plain text.
 */
public final class Captions {

    /** The largest captions file accepted. */
    public static final int MAX_BYTES = 1024 * 1024;

    private static final Pattern TIMING = Pattern.compile(
            "^\\s*((?:\\d+:)?\\d{1,2}:\\d{2}[.,]\\d{1,3})\\s+-->\\s+((?:\\d+:)?\\d{1,2}:\\d{2}[.,]\\d{1,3})(?:\\s+.*)?$");
    private static final Pattern TAG = Pattern.compile("<[^>]*>");
    private static final Pattern CHAPTER_LINE =
            Pattern.compile("^\\s*((?:\\d+:)?\\d{1,2}:\\d{2})\\s*[-–—]?\\s*(.+?)\\s*$");

    private Captions() {}

    /** One timed piece of text. */
    public record Cue(double start, double end, String text) {}

    /** Captions that could not be read; {@code messageKey} says why, {@code line} where (1-based, 0: the file). */
    public static class InvalidCaptionsException extends RuntimeException {

        private final String messageKey;
        private final int line;

        InvalidCaptionsException(String messageKey, int line) {
            super(messageKey + " at line " + line);
            this.messageKey = messageKey;
            this.line = line;
        }

        public String messageKey() {
            return messageKey;
        }

        public int line() {
            return line;
        }
    }

    /**
     * Reads WebVTT or SRT captions.
     *
     * @throws InvalidCaptionsException when the text holds no cue or a cue's times are broken
     */
    public static List<Cue> parse(String text) {
        var lines = text.replace("\uFEFF", "")
                .replace("\r\n", "\n")
                .replace('\r', '\n')
                .split("\n", -1);
        var cues = new ArrayList<Cue>();
        int i = 0;
        if (lines.length > 0 && lines[0].startsWith("WEBVTT")) {
            // Skip the header block (and NOTE/STYLE/REGION blocks below as they come).
            while (i < lines.length && !lines[i].isBlank()) {
                i++;
            }
        }
        while (i < lines.length) {
            if (lines[i].isBlank()) {
                i++;
                continue;
            }
            var blockStart = i;
            var first = lines[i];
            if (first.startsWith("NOTE") || first.startsWith("STYLE") || first.startsWith("REGION")) {
                while (i < lines.length && !lines[i].isBlank()) {
                    i++;
                }
                continue;
            }
            var timing = TIMING.matcher(first);
            if (!timing.matches() && i + 1 < lines.length) {
                // A cue identifier (SRT's number, or a WebVTT id) comes first.
                i++;
                timing = TIMING.matcher(lines[i]);
            }
            if (!timing.matches()) {
                throw new InvalidCaptionsException("video.captions.badTiming", blockStart + 1);
            }
            var start = seconds(timing.group(1));
            var end = seconds(timing.group(2));
            if (end <= start) {
                throw new InvalidCaptionsException("video.captions.badTiming", i + 1);
            }
            i++;
            var body = new StringBuilder();
            while (i < lines.length && !lines[i].isBlank()) {
                if (!body.isEmpty()) {
                    body.append('\n');
                }
                body.append(lines[i]);
                i++;
            }
            var plain = unescape(TAG.matcher(body.toString()).replaceAll("")).strip();
            if (!plain.isEmpty()) {
                cues.add(new Cue(start, end, plain));
            }
        }
        if (cues.isEmpty()) {
            throw new InvalidCaptionsException("video.captions.empty", 0);
        }
        return List.copyOf(cues);
    }

    /** Cues written as WebVTT (text escaped, so it shows as written). */
    public static String toVtt(List<Cue> cues) {
        var vtt = new StringBuilder("WEBVTT\n");
        for (var cue : cues) {
            vtt.append('\n')
                    .append(timestamp(cue.start()))
                    .append(" --> ")
                    .append(timestamp(cue.end()))
                    .append('\n');
            vtt.append(escape(cue.text())).append('\n');
        }
        return vtt.toString();
    }

    /** The cues' text as one paragraph, for reading and for search. */
    public static String transcript(List<Cue> cues) {
        var text = new StringBuilder();
        for (var cue : cues) {
            if (!text.isEmpty()) {
                text.append(' ');
            }
            text.append(cue.text().replace('\n', ' '));
        }
        return text.toString();
    }

    /**
     * Chapters typed one per line as {@code 0:00 Introduction} (or pasted as WebVTT); each ends where the next
     * starts, the last at the video's end.
     *
     * @throws InvalidCaptionsException when a line is not "time title" or times do not increase
     */
    public static List<Cue> chapters(String text, double duration) {
        var trimmed = text.strip();
        if (trimmed.isEmpty()) {
            return List.of();
        }
        if (trimmed.startsWith("WEBVTT")) {
            return parse(trimmed);
        }
        var starts = new ArrayList<Double>();
        var titles = new ArrayList<String>();
        var lines = trimmed.split("\\R");
        for (int n = 0; n < lines.length; n++) {
            if (lines[n].isBlank()) {
                continue;
            }
            var m = CHAPTER_LINE.matcher(lines[n]);
            if (!m.matches()) {
                throw new InvalidCaptionsException("video.chapters.badLine", n + 1);
            }
            var start = seconds(m.group(1) + ".000");
            if (!starts.isEmpty() && start <= starts.getLast()) {
                throw new InvalidCaptionsException("video.chapters.notIncreasing", n + 1);
            }
            if (duration > 0 && start >= duration) {
                throw new InvalidCaptionsException("video.chapters.pastEnd", n + 1);
            }
            starts.add(start);
            titles.add(m.group(2).length() > 200 ? m.group(2).substring(0, 200) : m.group(2));
        }
        var chapters = new ArrayList<Cue>();
        for (int i = 0; i < starts.size(); i++) {
            var end = i + 1 < starts.size() ? starts.get(i + 1) : Math.max(duration, starts.get(i) + 1);
            chapters.add(new Cue(starts.get(i), end, titles.get(i)));
        }
        return chapters;
    }

    /** Chapters as the author typed them (for the form). */
    public static String chapterLines(List<Cue> chapters) {
        var text = new StringBuilder();
        for (var c : chapters) {
            var s = (long) Math.floor(c.start());
            text.append(
                            s >= 3600
                                    ? String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
                                    : String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60))
                    .append(' ')
                    .append(c.text())
                    .append('\n');
        }
        return text.toString();
    }

    static double seconds(String time) {
        var parts = time.replace(',', '.').split(":");
        double total = 0;
        for (var part : parts) {
            total = total * 60 + Double.parseDouble(part);
        }
        return total;
    }

    static String timestamp(double seconds) {
        var millis = Math.round(seconds * 1000);
        return String.format(
                Locale.ROOT,
                "%02d:%02d:%02d.%03d",
                millis / 3_600_000,
                millis / 60_000 % 60,
                millis / 1000 % 60,
                millis % 1000);
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;")
                .replace("<", "&lt;")
                .replace(">", "&gt;")
                .replace("-->", "--&gt;");
    }

    private static String unescape(String text) {
        return text.replace("&lt;", "<")
                .replace("&gt;", ">")
                .replace("&nbsp;", " ")
                .replace("&lrm;", "")
                .replace("&rlm;", "")
                .replace("&amp;", "&");
    }
}
