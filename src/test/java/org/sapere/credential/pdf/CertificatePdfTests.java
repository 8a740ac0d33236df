package org.sapere.credential.pdf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.MultiFormatReader;
import com.google.zxing.NotFoundException;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.context.MessageSource;
import org.springframework.context.support.ResourceBundleMessageSource;

class CertificatePdfTests {

    static final String HOLDER = "Łukasz Żółć-Ørsted";
    static final String VERIFY_URL = "https://sapere.example/verify/01HZX3K9Q7M2V8R4T6W0Y1B5C3";

    static final MessageSource MESSAGES = messages();

    @Test
    void printsTheHoldersNameWithItsEuropeanLettersOnOneLine() throws IOException {
        try (var pdf = Loader.loadPDF(CertificatePdf.render(certificate(Locale.ENGLISH), MESSAGES))) {
            assertThat(text(pdf).lines()).contains(HOLDER);
        }
    }

    @Test
    void isOneA4LandscapePage() throws IOException {
        try (var pdf = Loader.loadPDF(CertificatePdf.render(certificate(Locale.ENGLISH), MESSAGES))) {
            assertThat(pdf.getNumberOfPages()).isEqualTo(1);
            var box = pdf.getPage(0).getMediaBox();
            assertThat(box.getWidth()).isCloseTo(842, offset(1f));
            assertThat(box.getHeight()).isCloseTo(595, offset(1f));
        }
    }

    @Test
    void embedsEveryFontItUses() throws IOException {
        try (var pdf = Loader.loadPDF(CertificatePdf.render(certificate(Locale.ENGLISH), MESSAGES))) {
            var resources = pdf.getPage(0).getResources();
            var fonts = new ArrayList<String>();
            for (var name : resources.getFontNames()) {
                var font = resources.getFont(name);
                fonts.add(font.getName());
                assertThat(font.isEmbedded()).as(font.getName()).isTrue();
            }
            assertThat(fonts).isNotEmpty();
        }
    }

    @Test
    void hasAQrCodeOfTheVerificationPage() throws IOException, NotFoundException {
        try (var pdf = Loader.loadPDF(CertificatePdf.render(certificate(Locale.ENGLISH), MESSAGES))) {
            var image = new PDFRenderer(pdf).renderImageWithDPI(0, 200);
            var bitmap = new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(image)));
            var result = new MultiFormatReader()
                    .decode(
                            bitmap,
                            Map.of(
                                    DecodeHintType.POSSIBLE_FORMATS,
                                    List.of(BarcodeFormat.QR_CODE),
                                    DecodeHintType.TRY_HARDER,
                                    true));
            assertThat(result.getText()).isEqualTo(VERIFY_URL);
        }
    }

    @Test
    void speaksTheReadersLanguage() throws IOException {
        try (var pdf = Loader.loadPDF(CertificatePdf.render(certificate(Locale.ITALIAN), MESSAGES))) {
            var text = text(pdf);
            assertThat(text).contains("Attestato di completamento", "Si attesta che", "Docente");
            assertThat(text).doesNotContain("Certificate of accomplishment");
            assertThat(pdf.getDocumentCatalog().getLanguage()).isEqualTo("it");
        }
    }

    @Test
    void carriesItsMetadata() throws IOException {
        try (var pdf = Loader.loadPDF(CertificatePdf.render(certificate(Locale.ENGLISH), MESSAGES))) {
            var info = pdf.getDocumentInformation();
            assertThat(info.getTitle()).contains("Certificate of accomplishment");
            assertThat(info.getAuthor()).isEqualTo("Politecnico di Milano");
            assertThat(info.getSubject()).contains(HOLDER);
            assertThat(info.getCreator()).isEqualTo("Sapere");
        }
    }

    @Test
    void saysSoAcrossThePageOnceRevoked() throws IOException {
        var revoked = with(certificate(Locale.GERMAN), true, null, null, List.of(), List.of());
        try (var pdf = Loader.loadPDF(CertificatePdf.render(revoked, MESSAGES))) {
            assertThat(text(pdf)).contains("WIDERRUFEN");
            assertThat(reddishPixelsInTheMiddle(pdf)).isGreaterThan(500);
        }
        try (var pdf = Loader.loadPDF(CertificatePdf.render(certificate(Locale.GERMAN), MESSAGES))) {
            assertThat(text(pdf)).doesNotContain("WIDERRUFEN");
            assertThat(reddishPixelsInTheMiddle(pdf)).isZero();
        }
    }

    @Test
    void rendersWithoutLogoColourProfessorsOrOutcomes() throws IOException {
        var bare = with(certificate(Locale.ENGLISH), false, null, null, List.of(), List.of());
        try (var pdf = Loader.loadPDF(CertificatePdf.render(bare, MESSAGES))) {
            assertThat(text(pdf)).contains(HOLDER, "Politecnico di Milano").doesNotContain("Professor");
        }
        var unreadableLogo = with(certificate(Locale.ENGLISH), false, new byte[] {1, 2, 3}, "not a colour", null, null);
        assertThat(CertificatePdf.render(unreadableLogo, MESSAGES)).isNotEmpty();
    }

    @Test
    void transcriptListsEntriesAndTotalsOnlyValidOnes() throws IOException {
        var entries = List.of(
                entry("Analisi matematica I", 60, new BigDecimal("6"), false),
                entry("Machine learning for engineers", 40, new BigDecimal("4.5"), false),
                entry("Revoked course", 100, new BigDecimal("10"), true));
        var transcript = new TranscriptContent(HOLDER, LocalDate.of(2026, 3, 14), entries, Locale.ENGLISH);
        try (var pdf = Loader.loadPDF(TranscriptPdf.render(transcript, MESSAGES))) {
            var text = text(pdf);
            assertThat(text)
                    .contains("Transcript of records", HOLDER, "Analisi matematica I", "Revoked course", "Revoked");
            assertThat(text.lines().filter(line -> line.startsWith("Total")))
                    .singleElement()
                    .asString()
                    .contains("100", "10.5")
                    .doesNotContain("200");
            assertThat(pdf.getPage(0).getMediaBox().getHeight())
                    .isGreaterThan(pdf.getPage(0).getMediaBox().getWidth());
        }
    }

    @Test
    void longTranscriptRunsOverSeveralPages() throws IOException {
        var entries = new ArrayList<TranscriptContent.Entry>();
        for (var i = 1; i <= 60; i++) {
            entries.add(entry("Course number " + i, 10, BigDecimal.ONE, i % 7 == 0));
        }
        var transcript = new TranscriptContent(HOLDER, LocalDate.of(2026, 3, 14), entries, Locale.ITALIAN);
        try (var pdf = Loader.loadPDF(TranscriptPdf.render(transcript, MESSAGES))) {
            assertThat(pdf.getNumberOfPages()).isGreaterThan(1);
            var stripper = new PDFTextStripper();
            stripper.setStartPage(2);
            stripper.setEndPage(2);
            assertThat(stripper.getText(pdf)).contains("Corso", "Rilasciato", "Pagina 2 di");
        }
    }

    @Test
    void emptyTranscriptSaysSo() throws IOException {
        var transcript = new TranscriptContent(HOLDER, LocalDate.of(2026, 3, 14), List.of(), Locale.ENGLISH);
        try (var pdf = Loader.loadPDF(TranscriptPdf.render(transcript, MESSAGES))) {
            assertThat(text(pdf)).contains("No credentials yet.");
        }
    }

    static CertificateContent certificate(Locale locale) {
        return new CertificateContent(
                "01HZX3K9Q7M2V8R4T6W0Y1B5C3",
                HOLDER,
                "Data science for sustainable cities",
                "Completed every module and passed the final exam.",
                "Politecnico di Milano",
                "#003b73",
                null,
                List.of("Giulia Bianchi", "Marco Rossi"),
                LocalDate.of(2026, 3, 14),
                List.of(
                        "Clean and explore urban data sets with Python.",
                        "Build and validate regression models of energy use."),
                new BigDecimal("6"),
                6,
                "Written exam and a graded project",
                60,
                "en",
                VERIFY_URL,
                false,
                locale);
    }

    /** The certificate with another revocation, logo, colour, and (when not null) professors and outcomes. */
    static CertificateContent with(
            CertificateContent c,
            boolean revoked,
            byte @Nullable [] logo,
            @Nullable String colour,
            @Nullable List<String> professors,
            @Nullable List<String> outcomes) {
        return new CertificateContent(
                c.credentialId(),
                c.holderName(),
                c.courseTitle(),
                c.achievementDescription(),
                c.organisationName(),
                colour,
                logo,
                professors == null ? c.professors() : professors,
                c.issuedOn(),
                outcomes == null ? c.outcomes() : outcomes,
                c.ects(),
                c.eqfLevel(),
                c.assessment(),
                c.effortHours(),
                c.courseLanguage(),
                c.verifyUrl(),
                revoked,
                c.locale());
    }

    static TranscriptContent.Entry entry(String course, int hours, BigDecimal ects, boolean revoked) {
        return new TranscriptContent.Entry(
                course,
                "Politecnico di Milano",
                LocalDate.of(2025, 11, 3),
                hours,
                ects,
                6,
                null,
                "https://sapere.example/verify/" + course.hashCode(),
                revoked);
    }

    /** The diagonal word is drawn in faint red: count the pixels that are clearly red in the page's middle third. */
    static int reddishPixelsInTheMiddle(PDDocument pdf) throws IOException {
        var image = new PDFRenderer(pdf).renderImageWithDPI(0, 50);
        var count = 0;
        for (var y = image.getHeight() / 3; y < 2 * image.getHeight() / 3; y++) {
            for (var x = image.getWidth() / 3; x < 2 * image.getWidth() / 3; x++) {
                var rgb = image.getRGB(x, y);
                var red = (rgb >> 16) & 0xff;
                var green = (rgb >> 8) & 0xff;
                var blue = rgb & 0xff;
                if (red > green + 25 && red > blue + 25) {
                    count++;
                }
            }
        }
        return count;
    }

    static String text(PDDocument pdf) throws IOException {
        return new PDFTextStripper().getText(pdf);
    }

    private static MessageSource messages() {
        var source = new ResourceBundleMessageSource();
        source.setBasename("i18n/credential-pdf/messages");
        source.setDefaultEncoding("UTF-8");
        source.setFallbackToSystemLocale(false);
        source.setAlwaysUseMessageFormat(true);
        return source;
    }
}
