package org.sapere.credential.pdf;

import static org.sapere.credential.pdf.CertificatePdfTests.MESSAGES;
import static org.sapere.credential.pdf.CertificatePdfTests.certificate;
import static org.sapere.credential.pdf.CertificatePdfTests.entry;
import static org.sapere.credential.pdf.CertificatePdfTests.with;

import java.awt.Color;
import java.awt.Font;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/** Sample certificates and transcripts as PNGs, to look at: {@code -Dpdf.shots=/tmp/pdf-shots}. */
@EnabledIfSystemProperty(named = "pdf.shots", matches = ".+")
class CertificatePdfShots {

    private static final List<String> OUTCOMES = List.of(
            "Clean, join and explore large urban data sets with Python and pandas.",
            "Build, validate and explain regression models of buildings' energy use.",
            "Design dashboards that let city officials compare districts at a glance.",
            "Judge the ethical and privacy risks of collecting data about citizens, and reduce them by design.",
            "Present findings to a non-technical audience in a short written report.");

    @Test
    void shots() throws IOException {
        var dir = Path.of(System.getProperty("pdf.shots"));
        Files.createDirectories(dir);
        var base = certificate(Locale.ENGLISH);
        var logo = logo();
        shot(dir, "cert-en-2prof", with(base, false, logo, "#003b73", null, OUTCOMES));
        var longTitle = new CertificateContent(
                base.credentialId(),
                "Maria Alessandra Bianchi-Castiglioni",
                "Sustainable urban mobility planning: models, data and policies for the low-carbon European city",
                base.achievementDescription(),
                "Politecnico di Milano",
                "#8c1d40",
                logo,
                List.of("Giulia Bianchi", "Marco Rossi", "Anna-Katharina Müller-Lüdenscheidt", "Łukasz Żółć-Ørsted"),
                base.issuedOn(),
                OUTCOMES,
                new BigDecimal("7.5"),
                7,
                "Assessed by a written exam, two graded projects and an oral discussion of the final project.",
                180,
                "it",
                base.verifyUrl(),
                false,
                Locale.ITALIAN);
        shot(dir, "cert-it-long-4prof", longTitle);
        shot(
                dir,
                "cert-de-revoked-1prof",
                with(certificate(Locale.GERMAN), true, logo, null, List.of("Giulia Bianchi"), null));
        shot(dir, "cert-sv-bare", with(certificate(new Locale("sv")), false, null, null, List.of(), List.of()));
        shot(
                dir,
                "cert-nl-3prof",
                with(
                        certificate(new Locale("nl")),
                        false,
                        squareLogo(),
                        "#e4002b",
                        List.of("A. de Vries", "B. Jansen", "C. Visser"),
                        OUTCOMES));
        var entries = new ArrayList<TranscriptContent.Entry>();
        for (var i = 1; i <= 60; i++) {
            entries.add(entry(
                    "Course number " + i + (i % 5 == 0 ? ": a much longer title that wraps onto a second line" : ""),
                    10 + i,
                    new BigDecimal("2.5"),
                    i % 7 == 0));
        }
        var transcript = TranscriptPdf.render(
                new TranscriptContent(CertificatePdfTests.HOLDER, LocalDate.of(2026, 3, 14), entries, Locale.ENGLISH),
                MESSAGES);
        pages(dir, "transcript-en", transcript);
        var german = new TranscriptContent(
                CertificatePdfTests.HOLDER, LocalDate.of(2026, 3, 14), entries.subList(0, 8), Locale.GERMAN);
        pages(dir, "transcript-de", TranscriptPdf.render(german, MESSAGES));
    }

    private static void shot(Path dir, String name, CertificateContent content) throws IOException {
        pages(dir, name, CertificatePdf.render(content, MESSAGES));
    }

    private static void pages(Path dir, String name, byte[] bytes) throws IOException {
        Files.write(dir.resolve(name + ".pdf"), bytes);
        try (var pdf = Loader.loadPDF(bytes)) {
            var renderer = new PDFRenderer(pdf);
            for (var page = 0; page < Math.min(3, pdf.getNumberOfPages()); page++) {
                ImageIO.write(
                        renderer.renderImageWithDPI(page, 110),
                        "png",
                        dir.resolve(name + "-" + (page + 1) + ".png").toFile());
            }
        }
    }

    /** A wide word-mark, as many universities have. */
    private static byte[] logo() throws IOException {
        var image = new BufferedImage(900, 220, BufferedImage.TYPE_INT_ARGB);
        var g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(new Color(0x00, 0x3b, 0x73));
        g.fillOval(10, 10, 200, 200);
        g.setColor(Color.WHITE);
        g.setFont(new Font(Font.SERIF, Font.BOLD, 110));
        g.drawString("P", 75, 150);
        g.setColor(new Color(0x00, 0x3b, 0x73));
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 78));
        g.drawString("POLITECNICO", 240, 105);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 62));
        g.drawString("MILANO 1863", 240, 185);
        g.dispose();
        return png(image);
    }

    private static byte[] squareLogo() throws IOException {
        return Files.readAllBytes(Path.of("src/main/resources/static/img/icon-192.png"));
    }

    private static byte[] png(BufferedImage image) throws IOException {
        var out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }
}
