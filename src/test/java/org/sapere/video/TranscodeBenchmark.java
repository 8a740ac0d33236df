package org.sapere.video;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.sapere.video.domain.Ffmpeg;
import org.sapere.video.domain.Probe;
import org.sapere.video.domain.Transcoder;
import org.sapere.video.domain.VideoProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.ConfigDataApplicationContextInitializer;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.util.FileSystemUtils;

/**
 * The transcoding benchmark (bench/video.sh): makes a 60 s 1280×720 30 fps clip (ffmpeg's testsrc2 picture and a
 * sine tone), then runs the application's own {@link Transcoder} on it, as a video job does (HLS ladder, MP4
 * fallback, poster, thumbnail sprite), once per x264 preset, and prints the wall time, the seconds of transcoding
 * per minute of 720p source, ffmpeg's CPU time and the size of what came out. The beans come from a context of just
 * the video processing classes with the application's properties, so nothing but ffmpeg competes for the cores.
 * Presets: {@code -Dsapere.bench.presets="ultrafast veryfast"}, else {@code -Dsapere.video.preset}, else veryfast.
 * Writes the report to target/bench/video-transcode.txt.
 */
@Tag("bench")
@EnabledIfSystemProperty(named = "sapere.bench", matches = "true")
class TranscodeBenchmark {

    private static final int SECONDS = Integer.getInteger("sapere.bench.source-seconds", 60);
    private static final Path DIR = Path.of("target", "bench");

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(VideoProperties.class)
    @Import({Ffmpeg.class, Transcoder.class})
    static class VideoProcessing {}

    @Test
    void transcode() throws IOException, InterruptedException {
        Files.createDirectories(DIR);
        var source = source();
        var report = new StringBuilder();
        report.append("Source: %s, %ds of 1280x720 30 fps testsrc2 + 440 Hz sine, %,d bytes (%.0f kbit/s)%n"
                .formatted(source, SECONDS, Files.size(source), Files.size(source) * 8 / 1000.0 / SECONDS));
        report.append("%-10s %-18s %8s %9s %8s %7s %10s %9s %8s%n"
                .formatted(
                        "preset",
                        "renditions",
                        "wall s",
                        "s per min",
                        "ladder",
                        "mp4",
                        "thumbs etc",
                        "ffmpeg cpu",
                        "cpu/wall"));
        var sizes = new StringBuilder();
        for (var preset : presets()) {
            new ApplicationContextRunner()
                    .withInitializer(new ConfigDataApplicationContextInitializer())
                    .withUserConfiguration(VideoProcessing.class)
                    .withPropertyValues("sapere.video.preset=" + preset)
                    .run(context -> {
                        var ffmpeg = context.getBean(Ffmpeg.class);
                        assertThat(ffmpeg.unavailableReason()).isEmpty();
                        var probe = ffmpeg.probe(source);
                        var out = DIR.resolve("transcode-" + preset);
                        FileSystemUtils.deleteRecursively(out);
                        report.append(run(context.getBean(Transcoder.class), preset, source, probe, out));
                        sizes.append(sizes(preset, out, probe.durationSeconds()));
                    });
        }
        report.append(
                "(s per min: wall seconds per minute of 720p source; ladder, mp4, thumbs etc: wall seconds of each"
                        + " step; ffmpeg cpu: its user + system seconds)\n\n");
        report.append(sizes);
        report.append("%s; load average while measuring (this machine is shared): %s%n"
                .formatted(
                        ffmpegVersion(),
                        String.join(
                                " ",
                                Arrays.asList(Files.readString(Path.of("/proc/loadavg"))
                                                .split(" "))
                                        .subList(0, 3))));
        System.out.println(report);
        Files.writeString(DIR.resolve("video-transcode.txt"), report);
    }

    private static String run(Transcoder transcoder, String preset, Path source, Probe probe, Path out)
            throws IOException {
        // The steps report progress in fixed bands: the ladder up to 0.75, the MP4 fallback up to 0.95, the rest after.
        var marks = new long[2];
        var cpu0 = childrenCpuSeconds();
        var t0 = System.nanoTime();
        var output = transcoder.transcode(
                source,
                probe,
                out,
                p -> {
                    var now = System.nanoTime();
                    if (p >= 0.75 && marks[0] == 0) {
                        marks[0] = now;
                    }
                    if (p >= 0.95 && marks[1] == 0) {
                        marks[1] = now;
                    }
                },
                () -> false);
        var t1 = System.nanoTime();
        var cpu = childrenCpuSeconds() - cpu0;
        var wall = (t1 - t0) / 1e9;
        return "%-10s %-18s %8.1f %9.1f %8.1f %7.1f %10.1f %9.1f %8.2f%n"
                .formatted(
                        preset,
                        output.renditions().stream().map(h -> h + "p").toList().toString(),
                        wall,
                        wall / (probe.durationSeconds() / 60),
                        (marks[0] - t0) / 1e9,
                        (marks[1] - marks[0]) / 1e9,
                        (t1 - marks[1]) / 1e9,
                        cpu,
                        cpu / wall);
    }

    private static String sizes(String preset, Path out, double duration) throws IOException {
        var text = new StringBuilder("Output of %s:%n".formatted(preset));
        try (var renditions = Files.list(out.resolve("hls"))) {
            for (var folder : renditions
                    .filter(Files::isDirectory)
                    .sorted(Comparator.comparingInt(TranscodeBenchmark::height))
                    .toList()) {
                List<Path> segments;
                try (var files = Files.list(folder)) {
                    segments = files.filter(f -> f.toString().endsWith(".ts"))
                            .sorted()
                            .toList();
                }
                long total = 0;
                long largest = 0;
                for (var segment : segments) {
                    total += Files.size(segment);
                    largest = Math.max(largest, Files.size(segment));
                }
                text.append("  hls/%-6s %3d segments %,12d bytes %6.0f kbit/s, largest segment %,d bytes%n"
                        .formatted(
                                folder.getFileName(), segments.size(), total, total * 8 / 1000.0 / duration, largest));
            }
        }
        for (var name : List.of("fallback.mp4", "poster.jpg", "thumbs.jpg", "thumbs.vtt")) {
            var file = out.resolve(name);
            text.append("  %-25s %,24d bytes%n".formatted(name, Files.exists(file) ? Files.size(file) : -1));
        }
        return text.toString();
    }

    private static int height(Path rendition) {
        var name = rendition.getFileName().toString();
        return Integer.parseInt(name.substring(0, name.length() - 1));
    }

    private static List<String> presets() {
        var list = System.getProperty("sapere.bench.presets", "").strip();
        if (list.isEmpty()) {
            list = System.getProperty("sapere.video.preset", "veryfast");
        }
        return Arrays.stream(list.split("[,\\s]+")).filter(s -> !s.isBlank()).toList();
    }

    /** The clip, made once and kept in target/bench (its making is not measured). */
    private static Path source() throws IOException, InterruptedException {
        var source = DIR.resolve("source-720p-" + SECONDS + "s.mp4");
        if (Files.exists(source)) {
            return source;
        }
        var partial = DIR.resolve("source-720p-" + SECONDS + "s.partial.mp4");
        var seconds = Integer.toString(SECONDS);
        var command = List.of(
                "ffmpeg",
                "-hide_banner",
                "-nostdin",
                "-y",
                "-loglevel",
                "error",
                "-f",
                "lavfi",
                "-i",
                "testsrc2=size=1280x720:rate=30:duration=" + seconds,
                "-f",
                "lavfi",
                "-i",
                "sine=frequency=440:sample_rate=48000:duration=" + seconds,
                "-c:v",
                "libx264",
                "-preset",
                "veryfast",
                "-crf",
                "20",
                "-pix_fmt",
                "yuv420p",
                "-c:a",
                "aac",
                "-b:a",
                "128k",
                "-shortest",
                partial.toString());
        var process = new ProcessBuilder(command).inheritIO().start();
        assertThat(process.waitFor()).as("ffmpeg making the source clip").isZero();
        Files.move(partial, source);
        return source;
    }

    /** User + system seconds of the finished (waited-for) child processes of this JVM: ffmpeg's work. */
    private static double childrenCpuSeconds() throws IOException {
        var stat = Files.readString(Path.of("/proc/self/stat"), StandardCharsets.US_ASCII);
        // Fields after the command name (in parentheses, which may hold spaces); cutime and cstime are 16 and 17.
        var fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        var ticks = Long.parseLong(fields[16 - 3]) + Long.parseLong(fields[17 - 3]);
        return ticks / 100.0; // USER_HZ is 100 on Linux
    }

    private static String ffmpegVersion() throws IOException, InterruptedException {
        var process = new ProcessBuilder("ffmpeg", "-version").start();
        var first = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8)
                .lines()
                .findFirst()
                .orElse("ffmpeg");
        process.waitFor();
        var copyright = first.indexOf(" Copyright");
        return copyright > 0 ? first.substring(0, copyright) : first;
    }
}
