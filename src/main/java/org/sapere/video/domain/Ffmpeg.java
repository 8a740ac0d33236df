package org.sapere.video.domain;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * The system's ffmpeg and ffprobe. Whether they are there is checked once at start: without them Sapere runs, but
 * says that video processing is unavailable and refuses video uploads.
 */
@Component
public class Ffmpeg {

    private static final Logger log = LoggerFactory.getLogger(Ffmpeg.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final VideoProperties properties;
    private final @Nullable String unavailable;
    private final String version;

    Ffmpeg(VideoProperties properties) {
        this.properties = properties;
        var ffmpegVersion = versionOf(properties.ffmpeg());
        var ffprobeVersion = versionOf(properties.ffprobe());
        if (ffmpegVersion.isEmpty()) {
            unavailable = "ffmpeg was not found (" + properties.ffmpeg() + ")";
        } else if (ffprobeVersion.isEmpty()) {
            unavailable = "ffprobe was not found (" + properties.ffprobe() + ")";
        } else {
            unavailable = null;
        }
        version = ffmpegVersion.orElse("");
        if (unavailable != null) {
            log.warn(
                    "Video processing is unavailable: {}. Install ffmpeg (Debian/Ubuntu: apt-get install ffmpeg) or"
                            + " set sapere.video.ffmpeg and sapere.video.ffprobe; video uploads are refused meanwhile.",
                    unavailable);
        } else {
            log.info("Video processing with {}", version);
        }
    }

    public boolean available() {
        return unavailable == null;
    }

    /** Why video cannot be processed here, or empty when it can. */
    public Optional<String> unavailableReason() {
        return Optional.ofNullable(unavailable);
    }

    public String version() {
        return version;
    }

    String ffmpegCommand() {
        return properties.ffmpeg();
    }

    /**
     * What the file holds, read by ffprobe.
     *
     * @throws UnreadableVideoException when it is not a video ffprobe can read (not a media file, truncated, audio
     *     only, no length)
     */
    public Probe probe(Path file) {
        if (!available()) {
            throw new IllegalStateException("video processing is unavailable: " + unavailable);
        }
        try {
            if (Files.size(file) == 0) {
                throw new UnreadableVideoException("video.error.empty", "the file is empty");
            }
            var command = List.of(
                    properties.ffprobe(),
                    "-v",
                    "error",
                    "-show_entries",
                    "format=duration,format_name:stream=codec_type,codec_name,width,height,duration,nb_frames",
                    "-of",
                    "json",
                    file.toString());
            var result = run(command, 60);
            if (result.exit() != 0) {
                throw new UnreadableVideoException("video.error.unreadable", result.errors());
            }
            var root = JSON.readTree(result.output());
            var streams = root.path("streams");
            int width = 0;
            int height = 0;
            boolean audio = false;
            String videoCodec = null;
            for (var stream : streams) {
                var type = stream.path("codec_type").asString("");
                if (type.equals("video") && videoCodec == null) {
                    var codec = stream.path("codec_name").asString("");
                    // A single picture (a cover in an audio file, a renamed image) is not a video.
                    if (codec.equals("mjpeg") || codec.equals("png") || codec.equals("bmp") || codec.equals("gif")) {
                        continue;
                    }
                    width = stream.path("width").asInt(0);
                    height = stream.path("height").asInt(0);
                    videoCodec = codec;
                } else if (type.equals("audio")) {
                    audio = true;
                }
            }
            if (videoCodec == null || width <= 0 || height <= 0) {
                throw new UnreadableVideoException("video.error.noVideo", "no video stream");
            }
            var duration = parseDouble(root.path("format").path("duration").asString(""));
            if (!(duration > 0.2)) {
                throw new UnreadableVideoException("video.error.unreadable", "no duration");
            }
            // ffprobe reads the headers only; decode the last seconds to find a file cut short.
            var tail = run(
                    List.of(
                            properties.ffmpeg(),
                            "-v",
                            "error",
                            "-nostdin",
                            "-sseof",
                            "-3",
                            "-i",
                            file.toString(),
                            "-map",
                            "0:v:0",
                            "-f",
                            "null",
                            "-"),
                    120);
            if (tail.exit() != 0
                    || tail.errors().contains("Invalid data")
                    || tail.errors().contains("partial file")) {
                throw new UnreadableVideoException("video.error.unreadable", tail.errors());
            }
            return new Probe(duration, width, height, audio, videoCodec);
        } catch (IOException e) {
            throw new UnreadableVideoException("video.error.unreadable", e.getMessage());
        }
    }

    private static double parseDouble(String text) {
        try {
            return Double.parseDouble(text);
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    record Result(int exit, String output, String errors) {}

    private static Result run(List<String> command, int timeoutSeconds) throws IOException {
        var errors = Files.createTempFile("sapere-ffprobe", ".log");
        try {
            var process = new ProcessBuilder(command)
                    .redirectError(errors.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                    .start();
            var output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return new Result(-1, output, "timed out");
            }
            return new Result(process.exitValue(), output, tail(Files.readString(errors, StandardCharsets.UTF_8)));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        } finally {
            Files.deleteIfExists(errors);
        }
    }

    /** The last lines of a program's error output, enough to say what went wrong. */
    static String tail(String text) {
        var lines = new ArrayList<>(text.lines().toList());
        var from = Math.max(0, lines.size() - 12);
        var joined = String.join("\n", lines.subList(from, lines.size()));
        return joined.length() > 2000 ? joined.substring(joined.length() - 2000) : joined;
    }

    private static Optional<String> versionOf(String program) {
        try {
            var process = new ProcessBuilder(program, "-version")
                    .redirectErrorStream(true)
                    .start();
            var output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(15, TimeUnit.SECONDS) || process.exitValue() != 0) {
                process.destroyForcibly();
                return Optional.empty();
            }
            return output.lines().findFirst();
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }
}
