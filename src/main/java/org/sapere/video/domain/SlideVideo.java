package org.sapere.video.domain;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.jspecify.annotations.Nullable;

/**
 * Draws lecture slides (a title, points, a footer) at 1280×720 and encodes them, each for its number of seconds,
 * into an MP4 with a quiet audio track: the demo's video lessons, made on the spot rather than shipped.
 */
final class SlideVideo {

    static final int WIDTH = 1280;
    static final int HEIGHT = 720;
    private static final Color BRAND = new Color(0x1d4e89);
    private static final Color INK = new Color(0x1b1f2a);
    private static final Color SOFT = new Color(0x4a5163);

    /** One slide. */
    record Slide(
            String title,
            @Nullable String subtitle,
            List<String> points,
            @Nullable String footer,
            int seconds) {}

    private SlideVideo() {}

    /** Writes the slides as an MP4 into {@code out}; {@code courseTitle} goes into every slide's corner. */
    static void encode(String ffmpeg, List<Slide> slides, String courseTitle, Path folder, Path out)
            throws IOException, InterruptedException {
        var list = new StringBuilder();
        for (int i = 0; i < slides.size(); i++) {
            var image = folder.resolve(String.format(Locale.ROOT, "slide-%02d.png", i));
            ImageIO.write(draw(slides.get(i), courseTitle, i + 1, slides.size()), "png", image.toFile());
            list.append("file '")
                    .append(image.getFileName())
                    .append("'\nduration ")
                    .append(slides.get(i).seconds())
                    .append('\n');
        }
        // The concat demuxer wants the last picture named once more to hold it for its duration.
        list.append("file '")
                .append(String.format(Locale.ROOT, "slide-%02d.png", slides.size() - 1))
                .append("'\n");
        var concat = folder.resolve("slides.txt");
        Files.writeString(concat, list, StandardCharsets.UTF_8);
        var total = slides.stream().mapToInt(Slide::seconds).sum();
        var log = folder.resolve("ffmpeg.log");
        var process = new ProcessBuilder(
                        ffmpeg,
                        "-hide_banner",
                        "-nostdin",
                        "-y",
                        "-loglevel",
                        "error",
                        "-f",
                        "concat",
                        "-safe",
                        "0",
                        "-i",
                        concat.toString(),
                        "-f",
                        "lavfi",
                        "-i",
                        "anoisesrc=color=pink:amplitude=0.002:sample_rate=48000",
                        "-t",
                        Integer.toString(total),
                        "-vf",
                        "fps=25,format=yuv420p",
                        "-c:v",
                        "libx264",
                        "-preset",
                        "veryfast",
                        "-tune",
                        "stillimage",
                        "-c:a",
                        "aac",
                        "-b:a",
                        "64k",
                        "-shortest",
                        out.toString())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        if (!process.waitFor(5, TimeUnit.MINUTES) || process.exitValue() != 0) {
            process.destroyForcibly();
            throw new IOException("ffmpeg could not encode the slides: " + Files.readString(log));
        }
    }

    static BufferedImage draw(Slide slide, String courseTitle, int number, int count) {
        var image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        var g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, WIDTH, HEIGHT);
            g.setColor(BRAND);
            g.fillRect(0, 0, 24, HEIGHT);
            g.fillRect(0, HEIGHT - 64, WIDTH, 64);
            g.setColor(Color.WHITE);
            g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 22));
            g.drawString(courseTitle, 64, HEIGHT - 24);
            var counter = number + " / " + count;
            g.drawString(counter, WIDTH - 64 - g.getFontMetrics().stringWidth(counter), HEIGHT - 24);
            if (slide.points().isEmpty()) {
                // A title slide: centred vertically.
                g.setColor(INK);
                g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 60));
                var y = wrap(g, slide.title(), 96, 250, WIDTH - 192, 72);
                g.setColor(BRAND);
                g.setStroke(new BasicStroke(6));
                g.drawLine(96, y + 34, 320, y + 34);
                if (slide.subtitle() != null) {
                    g.setColor(SOFT);
                    g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 34));
                    y = wrap(g, slide.subtitle(), 96, y + 100, WIDTH - 192, 44);
                }
                if (slide.footer() != null) {
                    g.setColor(INK);
                    g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 30));
                    wrap(g, slide.footer(), 96, y + 60, WIDTH - 192, 40);
                }
                return image;
            }
            g.setColor(INK);
            g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 52));
            var y = wrap(g, slide.title(), 96, 140, WIDTH - 192, 62);
            g.setColor(BRAND);
            g.setStroke(new BasicStroke(5));
            g.drawLine(96, y + 30, 280, y + 30);
            y += 110;
            g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 36));
            for (var point : slide.points()) {
                g.setColor(BRAND);
                g.fillOval(100, y - 22, 14, 14);
                g.setColor(INK);
                y = wrap(g, point, 140, y, WIDTH - 240, 46) + 72;
            }
            return image;
        } finally {
            g.dispose();
        }
    }

    /** Draws text wrapped at word boundaries; answers the baseline of its last line. */
    private static int wrap(Graphics2D g, String text, int x, int y, int width, int lineHeight) {
        FontMetrics metrics = g.getFontMetrics();
        var lines = new ArrayList<String>();
        var line = new StringBuilder();
        for (var word : text.split(" ")) {
            var candidate = line.isEmpty() ? word : line + " " + word;
            if (metrics.stringWidth(candidate) > width && !line.isEmpty()) {
                lines.add(line.toString());
                line = new StringBuilder(word);
            } else {
                line = new StringBuilder(candidate);
            }
        }
        lines.add(line.toString());
        var baseline = y;
        for (int i = 0; i < lines.size(); i++) {
            baseline = y + i * lineHeight;
            g.drawString(lines.get(i), x, baseline);
        }
        return baseline;
    }
}
