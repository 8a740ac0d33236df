package org.sapere.credential.pdf;

import static org.sapere.credential.pdf.PdfCanvas.HAIRLINE;
import static org.sapere.credential.pdf.PdfCanvas.INK;
import static org.sapere.credential.pdf.PdfCanvas.MUTED;

import com.lowagie.text.Element;

/**
 * The foot of a certificate: the professors' signatures evenly across the left, the QR code of the verification page
 * on the right with its address and the credential's id underneath.
 */
final class CertificateFooter {

    private static final float LEFT = 60;
    private static final float RIGHT = CertificatePage.WIDTH - 60;
    private static final float QR_SIZE = 85; // 30 mm, quiet zone included
    private static final float QR_BOTTOM = 70;
    private static final float SIGNATURE_LINE = 96;
    private static final float MAX_COLUMN = 170;

    private final CertificateContent content;
    private final PdfTexts texts;
    private final PdfCanvas canvas;

    CertificateFooter(CertificateContent content, PdfTexts texts, PdfCanvas canvas) {
        this.content = content;
        this.texts = texts;
        this.canvas = canvas;
    }

    void draw() {
        verification();
        signatures(RIGHT - QR_SIZE - 30);
    }

    private void verification() {
        var x = RIGHT - QR_SIZE;
        var quiet = QrCode.draw(canvas.content(), content.verifyUrl(), x, QR_BOTTOM, QR_SIZE);
        var edge = RIGHT - quiet;
        if (content.revoked()) {
            canvas.text(
                    texts.get("certificate.revoked"),
                    PdfFonts.SANS_BOLD,
                    9,
                    PdfCanvas.REVOKED,
                    edge,
                    QR_BOTTOM + QR_SIZE + 2,
                    Element.ALIGN_RIGHT);
        }
        canvas.text(texts.get("certificate.verifyAt"), PdfFonts.SANS, 7, MUTED, edge, 60, Element.ALIGN_RIGHT);
        var url = content.verifyUrl();
        var size = PdfCanvas.fit(url, PdfFonts.SANS, 7, 4.5f, 250);
        canvas.text(url, PdfFonts.SANS, size, INK, edge, 51, Element.ALIGN_RIGHT);
        var id = texts.get("certificate.credentialId", content.credentialId());
        canvas.text(
                id,
                PdfFonts.SANS,
                PdfCanvas.fit(id, PdfFonts.SANS, 6.5f, 4.5f, 250),
                MUTED,
                edge,
                42,
                Element.ALIGN_RIGHT);
    }

    /**
     * One column per professor, spread evenly left of the QR code; one or two sit symmetrically about the page's
     * centre, which needs room on the left as wide as the QR code's on the right.
     */
    private void signatures(float right) {
        var professors = content.professors();
        if (professors.isEmpty()) {
            return;
        }
        var left = professors.size() <= 2 ? CertificatePage.WIDTH - right : LEFT;
        var slot = (right - left) / professors.size();
        var width = Math.min(MAX_COLUMN, slot - 24);
        for (var i = 0; i < professors.size(); i++) {
            signature(professors.get(i), left + slot * (i + 0.5f), width);
        }
    }

    private void signature(String name, float centre, float width) {
        var handwritten = PdfCanvas.fit(name, PdfFonts.SERIF_ITALIC, 17, 9, width);
        canvas.centred(name, PdfFonts.SERIF_ITALIC, handwritten, INK, centre, SIGNATURE_LINE + 6);
        canvas.line(centre - width / 2, SIGNATURE_LINE, centre + width / 2, SIGNATURE_LINE, 0.6f, HAIRLINE);
        var printed = PdfCanvas.fit(name, PdfFonts.SANS, 8.5f, 6, width);
        canvas.centred(name, PdfFonts.SANS, printed, INK, centre, SIGNATURE_LINE - 12);
        canvas.centred(texts.get("certificate.professor"), PdfFonts.SANS, 7.5f, MUTED, centre, SIGNATURE_LINE - 22);
    }
}
