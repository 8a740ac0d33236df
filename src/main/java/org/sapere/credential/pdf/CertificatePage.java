package org.sapere.credential.pdf;

import static org.sapere.credential.pdf.PdfCanvas.INK;
import static org.sapere.credential.pdf.PdfCanvas.MUTED;

import com.lowagie.text.Element;
import com.lowagie.text.Image;
import com.lowagie.text.PageSize;
import com.lowagie.text.pdf.PdfGState;
import java.awt.Color;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** Draws the one page of a certificate: frame, logo, the flowing middle, then the signatures and the QR code. */
final class CertificatePage {

    static final float WIDTH = PageSize.A4.getHeight();
    static final float HEIGHT = PageSize.A4.getWidth();
    static final float CENTRE = WIDTH / 2;

    /** The flowing middle stops above this line: the signatures are below it. */
    private static final float FLOW_FLOOR = 132;

    private static final float TEXT_WIDTH = 640;
    private static final float LOGO_WIDTH = 170; // 60 mm
    private static final float LOGO_HEIGHT = 50;
    private static final float LOGO_TOP = 548;
    private static final int MAX_OUTCOMES = 5;

    private final CertificateContent content;
    private final PdfTexts texts;
    private final PdfCanvas canvas;
    private final Color brand;

    CertificatePage(CertificateContent content, PdfTexts texts, PdfCanvas canvas) {
        this.content = content;
        this.texts = texts;
        this.canvas = canvas;
        this.brand = PdfCanvas.colour(content.brandColour());
    }

    void draw() {
        frame();
        header();
        outcomes(body());
        new CertificateFooter(content, texts, canvas).draw();
        if (content.revoked()) {
            revoked();
        }
    }

    private void frame() {
        canvas.frame(20, 20, WIDTH - 40, HEIGHT - 40, 2.5f, brand);
        canvas.frame(27, 27, WIDTH - 54, HEIGHT - 54, 0.6f, brand);
    }

    /** The logo, or the university's name where there is none (or it cannot be read). */
    private void header() {
        var logo = logo();
        if (logo != null) {
            logo.scaleToFit(LOGO_WIDTH, LOGO_HEIGHT);
            logo.setAbsolutePosition(CENTRE - logo.getScaledWidth() / 2, LOGO_TOP - logo.getScaledHeight());
            canvas.content().addImage(logo);
        } else {
            var name = content.organisationName();
            var size = PdfCanvas.fit(name, PdfFonts.SANS_BOLD, 15, 9, TEXT_WIDTH);
            canvas.centred(name, PdfFonts.SANS_BOLD, size, brand, CENTRE, LOGO_TOP - 32);
        }
    }

    private @Nullable Image logo() {
        var png = content.logoPng();
        if (png == null || png.length == 0) {
            return null;
        }
        try {
            return Image.getInstance(png);
        } catch (IOException | RuntimeException unreadable) {
            return null;
        }
    }

    /** The certificate's statement, from the title to the facts; returns the baseline of the last line drawn. */
    private float body() {
        var title = texts.get("certificate.title");
        canvas.centred(
                title, PdfFonts.SERIF, PdfCanvas.fit(title, PdfFonts.SERIF, 30, 18, TEXT_WIDTH), brand, CENTRE, 464);
        canvas.line(CENTRE - 30, 446, CENTRE + 30, 446, 1.2f, brand);
        canvas.centred(texts.get("certificate.certifies"), PdfFonts.SANS, 11, MUTED, CENTRE, 426);
        var name = content.holderName();
        canvas.centred(
                name, PdfFonts.SERIF_BOLD, PdfCanvas.fit(name, PdfFonts.SERIF_BOLD, 36, 18, 680), INK, CENTRE, 388);
        canvas.centred(texts.get("certificate.completed"), PdfFonts.SANS, 11, MUTED, CENTRE, 360);
        var y = courseTitle(332);
        y -= 24;
        canvas.centred(
                texts.get("certificate.offeredBy", content.organisationName()), PdfFonts.SANS, 12, INK, CENTRE, y);
        y -= 16;
        canvas.centred(
                texts.get("certificate.issuedOn", texts.date(content.issuedOn())), PdfFonts.SANS, 10, MUTED, CENTRE, y);
        y -= 20;
        var facts = String.join("  ·  ", facts());
        canvas.centred(facts, PdfFonts.SANS, PdfCanvas.fit(facts, PdfFonts.SANS, 9, 7, TEXT_WIDTH), MUTED, CENTRE, y);
        var assessment = content.assessment();
        if (assessment != null && !assessment.isBlank()) {
            var lines = PdfCanvas.limit(
                    PdfCanvas.balance(assessment, PdfFonts.SANS_ITALIC, 9, 600), 2, PdfFonts.SANS_ITALIC, 9, 600);
            for (var line : lines) {
                y -= 12;
                canvas.centred(line, PdfFonts.SANS_ITALIC, 9, MUTED, CENTRE, y);
            }
        }
        return y;
    }

    /** The course title on up to three lines, smaller when it needs more than two; returns the last baseline. */
    private float courseTitle(float y) {
        var title = content.courseTitle();
        var size = 21f;
        var lines = PdfCanvas.balance(title, PdfFonts.SERIF_BOLD, size, 620);
        if (lines.size() > 2) {
            size = 18f;
            lines = PdfCanvas.limit(
                    PdfCanvas.balance(title, PdfFonts.SERIF_BOLD, size, 660), 3, PdfFonts.SERIF_BOLD, size, 660);
        }
        var baseline = y;
        for (var line : lines) {
            var fitted = PdfCanvas.fit(line, PdfFonts.SERIF_BOLD, size, 12, 680);
            canvas.centred(line, PdfFonts.SERIF_BOLD, fitted, INK, CENTRE, baseline);
            baseline -= size * 1.2f;
        }
        return baseline + size * 1.2f;
    }

    private List<String> facts() {
        var facts = new ArrayList<String>();
        facts.add(texts.get("certificate.effort", content.effortHours()));
        var ects = content.ects();
        if (ects != null) {
            facts.add(texts.get("certificate.ects", texts.number(ects)));
        }
        var eqf = content.eqfLevel();
        if (eqf != null) {
            facts.add(texts.get("certificate.eqf", eqf));
        }
        facts.add(texts.get("certificate.language", texts.language(content.courseLanguage())));
        return facts;
    }

    /** As many of the first learning outcomes as fit whole above the signatures, in small type. */
    private void outcomes(float y) {
        var size = 8f;
        var leading = 10.5f;
        var width = 520f;
        var blocks = new ArrayList<List<String>>();
        var bottom = y - 20;
        for (var outcome : content.outcomes().stream().limit(MAX_OUTCOMES).toList()) {
            var lines = PdfCanvas.limit(
                    PdfCanvas.wrap(outcome, PdfFonts.SANS, size, width - 10), 2, PdfFonts.SANS, size, width - 10);
            if (bottom - lines.size() * leading < FLOW_FLOOR) {
                break;
            }
            bottom -= lines.size() * leading;
            blocks.add(lines);
        }
        if (blocks.isEmpty()) {
            return;
        }
        var widest = (float) blocks.stream()
                .mapToDouble(lines -> PdfCanvas.widest(lines, PdfFonts.SANS, size))
                .max()
                .orElse(0);
        var left = CENTRE - (widest + 10) / 2;
        var baseline = y - 20;
        canvas.centred(texts.get("certificate.outcomes"), PdfFonts.SANS_BOLD, 8, brand, CENTRE, baseline);
        for (var lines : blocks) {
            baseline -= leading;
            canvas.text("•", PdfFonts.SANS, size, brand, left, baseline, Element.ALIGN_LEFT);
            for (var line : lines) {
                canvas.text(line, PdfFonts.SANS, size, INK, left + 10, baseline, Element.ALIGN_LEFT);
                baseline -= leading;
            }
            baseline += leading;
        }
    }

    /** The word "revoked", large and faint, from corner to corner. */
    private void revoked() {
        var word = texts.get("certificate.revoked");
        var size = PdfCanvas.fit(word, PdfFonts.SANS_BOLD, 120, 40, 620);
        var angle = (float) Math.toDegrees(Math.atan2(HEIGHT, WIDTH));
        var radians = Math.toRadians(angle);
        var half = size * 0.36f;
        var pdf = canvas.content();
        pdf.saveState();
        var faint = new PdfGState();
        faint.setFillOpacity(0.18f);
        pdf.setGState(faint);
        pdf.beginText();
        pdf.setFontAndSize(PdfFonts.SANS_BOLD, size);
        pdf.setColorFill(PdfCanvas.REVOKED);
        pdf.showTextAligned(
                Element.ALIGN_CENTER,
                word,
                (float) (CENTRE + Math.sin(radians) * half),
                (float) (HEIGHT / 2 - Math.cos(radians) * half),
                angle);
        pdf.endText();
        pdf.restoreState();
    }
}
