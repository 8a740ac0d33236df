package org.sapere.video.domain;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.BooleanSupplier;
import java.util.function.DoubleConsumer;
import org.springframework.stereotype.Component;

/**
 * Turns a source video into what the player needs, with ffmpeg: an HLS ladder (H.264/AAC, segments of
 * {@code sapere.video.segment-seconds}, a master playlist), an MP4 fallback, a poster and a sprite of seek-bar
 * thumbnails with its WebVTT index. Everything is written into one output folder:
 *
 * <pre>
 * hls/master.m3u8, hls/360p/index.m3u8, hls/360p/seg_0000.ts, …
 * fallback.mp4, poster.jpg, thumbs.jpg, thumbs.vtt
 * </pre>
 */
@Component
public class Transcoder {

    /** Thumbnails in the sprite: 160×90 each, 10 per row, at most 100. */
    static final int THUMB_WIDTH = 160;

    static final int THUMB_HEIGHT = 90;
    static final int THUMB_COLUMNS = 10;
    static final int MAX_THUMBS = 100;

    private final Ffmpeg ffmpeg;
    private final VideoProperties properties;

    Transcoder(Ffmpeg ffmpeg, VideoProperties properties) {
        this.ffmpeg = ffmpeg;
        this.properties = properties;
    }

    /** What came out. */
    public record Output(List<Integer> renditions) {}

    /**
     * Transcodes; {@code progress} receives 0..1, and the work stops (with {@link StoppedException}) soon after
     * {@code stop} answers true.
     *
     * @throws TranscodeException when ffmpeg fails; its message holds the end of ffmpeg's error output
     */
    public Output transcode(Path source, Probe probe, Path out, DoubleConsumer progress, BooleanSupplier stop)
            throws IOException {
        var ladder = Ladder.forSource(probe.height(), properties.maxHeight());
        Files.createDirectories(out.resolve("hls"));
        for (var r : ladder.renditions()) {
            Files.createDirectories(out.resolve("hls").resolve(r.name()));
        }
        // The ladder is nearly all of the work; the fallback is a remux, poster and thumbnails little.
        run(hlsCommand(source, probe, out, ladder), probe.durationSeconds(), p -> progress.accept(p * 0.75), stop);
        run(
                fallbackCommand(source, probe, out, ladder),
                probe.durationSeconds(),
                p -> progress.accept(0.75 + p * 0.2),
                stop);
        run(posterCommand(source, probe, out), 0, p -> {}, stop);
        var interval = thumbnailInterval(probe.durationSeconds());
        run(
                thumbnailsCommand(source, out, interval, probe.durationSeconds()),
                probe.durationSeconds(),
                p -> progress.accept(0.95 + p * 0.05),
                stop);
        Files.writeString(
                out.resolve("thumbs.vtt"), thumbnailIndex(probe.durationSeconds(), interval), StandardCharsets.UTF_8);
        progress.accept(1.0);
        return new Output(
                ladder.renditions().stream().map(Ladder.Rendition::height).toList());
    }

    private List<String> base(Path source) {
        var command = new ArrayList<>(
                List.of(ffmpeg.ffmpegCommand(), "-hide_banner", "-nostdin", "-y", "-loglevel", "error", "-nostats"));
        command.addAll(List.of("-progress", "pipe:1", "-i", source.toString()));
        return command;
    }

    private void x264(List<String> command) {
        command.addAll(List.of("-preset", properties.preset(), "-pix_fmt", "yuv420p", "-profile:v", "high"));
        if (properties.threads() > 0) {
            command.addAll(List.of("-threads", Integer.toString(properties.threads())));
        }
    }

    List<String> hlsCommand(Path source, Probe probe, Path out, Ladder ladder) {
        var command = base(source);
        var n = ladder.renditions().size();
        var filter = new StringBuilder("[0:v:0]");
        if (n == 1) {
            filter.append("scale=-2:")
                    .append(ladder.renditions().getFirst().height())
                    .append("[v0]");
        } else {
            filter.append("split=").append(n);
            for (int i = 0; i < n; i++) {
                filter.append("[s").append(i).append(']');
            }
            for (int i = 0; i < n; i++) {
                filter.append(";[s")
                        .append(i)
                        .append("]scale=-2:")
                        .append(ladder.renditions().get(i).height())
                        .append("[v")
                        .append(i)
                        .append(']');
            }
        }
        command.addAll(List.of("-filter_complex", filter.toString()));
        var streamMap = new ArrayList<String>();
        for (int i = 0; i < n; i++) {
            var r = ladder.renditions().get(i);
            command.addAll(List.of("-map", "[v" + i + "]"));
            if (probe.hasAudio()) {
                command.addAll(List.of("-map", "0:a:0"));
            }
            command.addAll(List.of(
                    "-b:v:" + i, r.videoKbps() + "k",
                    "-maxrate:v:" + i, (r.videoKbps() * 107 / 100) + "k",
                    "-bufsize:v:" + i, (r.videoKbps() * 3 / 2) + "k"));
            if (probe.hasAudio()) {
                command.addAll(List.of("-b:a:" + i, r.audioKbps() + "k"));
            }
            streamMap.add(
                    probe.hasAudio() ? "v:" + i + ",a:" + i + ",name:" + r.name() : "v:" + i + ",name:" + r.name());
        }
        command.addAll(List.of("-c:v", "libx264"));
        x264(command);
        var segment = Math.max(2, Math.min(10, properties.segmentSeconds()));
        command.addAll(List.of("-sc_threshold", "0", "-force_key_frames", "expr:gte(t,n_forced*" + segment + ")"));
        if (probe.hasAudio()) {
            command.addAll(List.of("-c:a", "aac", "-ac", "2", "-ar", "48000"));
        }
        command.addAll(List.of(
                "-f",
                "hls",
                "-hls_time",
                Integer.toString(segment),
                "-hls_playlist_type",
                "vod",
                "-hls_flags",
                "independent_segments",
                "-hls_segment_type",
                "mpegts",
                "-hls_segment_filename",
                out.resolve("hls/%v/seg_%04d.ts").toString(),
                "-master_pl_name",
                "master.m3u8",
                "-var_stream_map",
                String.join(" ", streamMap),
                out.resolve("hls/%v/index.m3u8").toString()));
        return command;
    }

    /**
     * The MP4 fallback is the highest rendition up to 720p, remuxed (not encoded again): the same pictures and sound
     * in a progressive MP4 with its index at the front, made in seconds.
     */
    private List<String> fallbackCommand(Path source, Probe probe, Path out, Ladder ladder) {
        var rendition = ladder.highestUpTo(720);
        var command = new ArrayList<>(
                List.of(ffmpeg.ffmpegCommand(), "-hide_banner", "-nostdin", "-y", "-loglevel", "error", "-nostats"));
        command.addAll(List.of(
                "-progress",
                "pipe:1",
                "-i",
                out.resolve("hls")
                        .resolve(rendition.name())
                        .resolve("index.m3u8")
                        .toString(),
                "-map",
                "0:v:0",
                "-c",
                "copy"));
        if (probe.hasAudio()) {
            command.addAll(List.of("-map", "0:a:0", "-bsf:a", "aac_adtstoasc"));
        }
        command.addAll(
                List.of("-movflags", "+faststart", out.resolve("fallback.mp4").toString()));
        return command;
    }

    private List<String> posterCommand(Path source, Probe probe, Path out) {
        var at = Math.min(2.0, probe.durationSeconds() / 3);
        return List.of(
                ffmpeg.ffmpegCommand(),
                "-hide_banner",
                "-nostdin",
                "-y",
                "-loglevel",
                "error",
                "-ss",
                String.format(Locale.ROOT, "%.3f", at),
                "-i",
                source.toString(),
                "-frames:v",
                "1",
                "-vf",
                "scale=-2:" + Math.min(720, probe.height() - probe.height() % 2),
                "-q:v",
                "3",
                out.resolve("poster.jpg").toString());
    }

    static double thumbnailInterval(double duration) {
        return Math.max(2, Math.ceil(duration / MAX_THUMBS));
    }

    static int thumbnailCount(double duration, double interval) {
        return (int) Math.max(1, Math.min(MAX_THUMBS, Math.ceil(duration / interval)));
    }

    private List<String> thumbnailsCommand(Path source, Path out, double interval, double duration) {
        var count = thumbnailCount(duration, interval);
        var rows = (count + THUMB_COLUMNS - 1) / THUMB_COLUMNS;
        var command = base(source);
        command.addAll(List.of(
                "-map",
                "0:v:0",
                "-vf",
                String.format(
                        Locale.ROOT,
                        "fps=1/%s,scale=%d:%d:force_original_aspect_ratio=decrease,pad=%d:%d:(ow-iw)/2:(oh-ih)/2,tile=%dx%d",
                        (long) interval,
                        THUMB_WIDTH,
                        THUMB_HEIGHT,
                        THUMB_WIDTH,
                        THUMB_HEIGHT,
                        THUMB_COLUMNS,
                        rows),
                "-frames:v",
                "1",
                "-q:v",
                "5",
                out.resolve("thumbs.jpg").toString()));
        return command;
    }

    /** The WebVTT that says which part of the sprite shows which stretch of the video. */
    static String thumbnailIndex(double duration, double interval) {
        var vtt = new StringBuilder("WEBVTT\n");
        var count = thumbnailCount(duration, interval);
        for (int i = 0; i < count; i++) {
            var start = i * interval;
            var end = Math.min(duration, (i + 1) * interval);
            vtt.append('\n')
                    .append(Captions.timestamp(start))
                    .append(" --> ")
                    .append(Captions.timestamp(end))
                    .append('\n');
            vtt.append(String.format(
                    Locale.ROOT,
                    "thumbs.jpg#xywh=%d,%d,%d,%d\n",
                    (i % THUMB_COLUMNS) * THUMB_WIDTH,
                    (i / THUMB_COLUMNS) * THUMB_HEIGHT,
                    THUMB_WIDTH,
                    THUMB_HEIGHT));
        }
        return vtt.toString();
    }

    private static void run(List<String> command, double duration, DoubleConsumer progress, BooleanSupplier stop)
            throws IOException {
        var errors = Files.createTempFile("sapere-ffmpeg", ".log");
        Process process = null;
        try {
            process = new ProcessBuilder(command)
                    .redirectError(errors.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                    .start();
            try (var reader =
                    new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = reader.readLine()) != null) {
                    if (stop.getAsBoolean()) {
                        process.destroyForcibly();
                        throw new StoppedException();
                    }
                    if (line.startsWith("out_time_us=") && duration > 0) {
                        try {
                            var seconds = Long.parseLong(line.substring("out_time_us=".length())) / 1e6;
                            progress.accept(Math.max(0, Math.min(1, seconds / duration)));
                        } catch (NumberFormatException ignored) {
                            // "N/A" before the first frame
                        }
                    }
                }
            }
            var exit = process.waitFor();
            if (stop.getAsBoolean()) {
                throw new StoppedException();
            }
            if (exit != 0) {
                throw new TranscodeException(Ffmpeg.tail(Files.readString(errors, StandardCharsets.UTF_8)));
            }
            progress.accept(1.0);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoppedException();
        } finally {
            if (process != null && process.isAlive()) {
                process.destroyForcibly();
            }
            Files.deleteIfExists(errors);
        }
    }

    /** ffmpeg failed. */
    public static class TranscodeException extends RuntimeException {
        TranscodeException(String detail) {
            super(detail.isBlank() ? "ffmpeg failed" : detail);
        }
    }

    /** The work was stopped (shutdown, a lost lease): it will be done again. */
    public static class StoppedException extends RuntimeException {
        StoppedException() {
            super("stopped");
        }
    }
}
