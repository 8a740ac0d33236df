package org.sapere.credential.pdf;

import com.lowagie.text.Document;
import com.lowagie.text.Rectangle;
import com.lowagie.text.pdf.PdfName;
import com.lowagie.text.pdf.PdfString;
import com.lowagie.text.pdf.PdfWriter;
import java.io.ByteArrayOutputStream;
import org.springframework.context.MessageSource;

/**
 * Prints a certificate of accomplishment: one A4 landscape page in the university's colours, with the holder, the
 * course, the professors' signatures and a QR code of the public verification page.
 */
public final class CertificatePdf {

    private CertificatePdf() {}

    /** The certificate as PDF bytes, its texts in {@code content.locale()}. */
    public static byte[] render(CertificateContent content, MessageSource messages) {
        var texts = new PdfTexts(messages, content.locale());
        var out = new ByteArrayOutputStream();
        var document = new Document(new Rectangle(CertificatePage.WIDTH, CertificatePage.HEIGHT), 0, 0, 0, 0);
        var writer = PdfWriter.getInstance(document, out);
        var title = texts.get("certificate.title");
        document.addTitle(title + " – " + content.courseTitle());
        document.addAuthor(content.organisationName());
        document.addSubject(texts.get("certificate.subject", content.holderName(), content.courseTitle()));
        document.addCreator("Sapere");
        writer.getExtraCatalog()
                .put(PdfName.LANG, new PdfString(content.locale().toLanguageTag()));
        document.open();
        new CertificatePage(content, texts, new PdfCanvas(writer.getDirectContent())).draw();
        document.close();
        return out.toByteArray();
    }
}
