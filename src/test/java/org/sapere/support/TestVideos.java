package org.sapere.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Test videos made on the spot with ffmpeg (a moving test pattern with a clock, and a tone), cached for the run.
 * Tests that need them are skipped where ffmpeg is missing, and fail under CI=true.
 */
public final class TestVideos {

    private static final ConcurrentHashMap<String, Path> MADE = new ConcurrentHashMap<>();

    private TestVideos() {}

    public static void requireFfmpeg() {
        Environment.require(
                "ffmpeg", works("ffmpeg") && works("ffprobe"), "Install it with: sudo apt-get install -y ffmpeg");
    }

    /** An MP4 (H.264/AAC, moov at the end as ffmpeg writes it by default) of the given size and length. */
    public static Path clip(int width, int height, int seconds) {
        requireFfmpeg();
        return MADE.computeIfAbsent(width + "x" + height + "x" + seconds, k -> make(width, height, seconds));
    }

    private static Path make(int width, int height, int seconds) {
        try {
            var dir = Files.createDirectories(Path.of("target", "test-videos"));
            var file = dir.resolve("clip-" + width + "x" + height + "-" + seconds + "s.mp4");
            if (Files.exists(file) && Files.size(file) > 0) {
                return file;
            }
            var temp = dir.resolve(file.getFileName() + ".tmp.mp4");
            var process = new ProcessBuilder(List.of(
                            "ffmpeg",
                            "-hide_banner",
                            "-loglevel",
                            "error",
                            "-nostdin",
                            "-y",
                            "-f",
                            "lavfi",
                            "-i",
                            String.format(
                                    Locale.ROOT, "testsrc2=size=%dx%d:rate=25:duration=%d", width, height, seconds),
                            "-f",
                            "lavfi",
                            "-i",
                            String.format(Locale.ROOT, "sine=frequency=440:duration=%d", seconds),
                            "-c:v",
                            "libx264",
                            "-preset",
                            "ultrafast",
                            "-pix_fmt",
                            "yuv420p",
                            "-c:a",
                            "aac",
                            "-shortest",
                            temp.toString()))
                    .redirectErrorStream(true)
                    .start();
            var output = new String(process.getInputStream().readAllBytes());
            if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException("ffmpeg could not make a test video: " + output);
            }
            Files.move(temp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            return file;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static boolean works(String program) {
        try {
            var p = new ProcessBuilder(program, "-version")
                    .redirectErrorStream(true)
                    .start();
            p.getInputStream().readAllBytes();
            return p.waitFor(20, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
