package org.sapere.credential.pdf;

import static org.sapere.credential.pdf.PdfCanvas.HAIRLINE;
import static org.sapere.credential.pdf.PdfCanvas.INK;
import static org.sapere.credential.pdf.PdfCanvas.MUTED;
import static org.sapere.credential.pdf.PdfCanvas.SAPERE_TEAL;

import com.lowagie.text.Document;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.pdf.PdfName;
import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.PdfStamper;
import com.lowagie.text.pdf.PdfString;
import com.lowagie.text.pdf.PdfWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.springframework.context.MessageSource;

/**
 * Prints a learner's transcript of records: A4 portrait, every credential in a table that runs over as many pages as
 * it needs (the column headings repeated on each), with the totals of hours and ECTS credits still valid.
 */
public final class TranscriptPdf {

    private static final float MARGIN = 48;

    private TranscriptPdf() {}

    /** The transcript as PDF bytes, its texts in {@code content.locale()}. */
    public static byte[] render(TranscriptContent content, MessageSource messages) {
        var texts = new PdfTexts(messages, content.locale());
        var out = new ByteArrayOutputStream();
        var document = new Document(PageSize.A4, MARGIN, MARGIN, 56, 64);
        var writer = PdfWriter.getInstance(document, out);
        document.addTitle(texts.get("transcript.title") + " – " + content.holderName());
        document.addAuthor("Sapere");
        document.addSubject(texts.get("transcript.subject", content.holderName()));
        document.addCreator("Sapere");
        writer.getExtraCatalog()
                .put(PdfName.LANG, new PdfString(content.locale().toLanguageTag()));
        document.open();
        heading(document, content, texts);
        if (content.entries().isEmpty()) {
            document.add(new Paragraph(texts.get("transcript.empty"), new Font(PdfFonts.SANS, 10, Font.NORMAL, INK)));
        } else {
            document.add(new TranscriptTable(content, texts).table());
        }
        document.close();
        return footers(out.toByteArray(), content, texts);
    }

    private static void heading(Document document, TranscriptContent content, PdfTexts texts) {
        var brand = new Paragraph("Sapere", new Font(PdfFonts.SANS_BOLD, 9, Font.NORMAL, SAPERE_TEAL));
        document.add(brand);
        var title =
                new Paragraph(texts.get("transcript.title"), new Font(PdfFonts.SERIF, 26, Font.NORMAL, SAPERE_TEAL));
        title.setSpacingBefore(6);
        document.add(title);
        var label = new Paragraph(texts.get("transcript.holder"), new Font(PdfFonts.SANS, 8, Font.NORMAL, MUTED));
        label.setSpacingBefore(14);
        document.add(label);
        document.add(new Paragraph(content.holderName(), new Font(PdfFonts.SERIF_BOLD, 16, Font.NORMAL, INK)));
        var generated = new Paragraph(
                texts.get("transcript.generatedOn", texts.date(content.generatedOn())),
                new Font(PdfFonts.SANS, 9, Font.NORMAL, MUTED));
        generated.setSpacingBefore(4);
        document.add(generated);
        var intro = new Paragraph(texts.get("transcript.intro"), new Font(PdfFonts.SANS, 8.5f, Font.NORMAL, MUTED));
        intro.setSpacingBefore(2);
        intro.setSpacingAfter(16);
        document.add(intro);
    }

    /** Stamps each page's foot: a rule, the holder and "page n of m". */
    private static byte[] footers(byte[] pdf, TranscriptContent content, PdfTexts texts) {
        try {
            var reader = new PdfReader(pdf);
            var out = new ByteArrayOutputStream();
            var stamper = new PdfStamper(reader, out);
            var pages = reader.getNumberOfPages();
            var right = PageSize.A4.getWidth() - MARGIN;
            for (var page = 1; page <= pages; page++) {
                var canvas = new PdfCanvas(stamper.getOverContent(page));
                canvas.line(MARGIN, 44, right, 44, 0.5f, HAIRLINE);
                var title = texts.get("transcript.title") + " · " + content.holderName();
                canvas.text(title, PdfFonts.SANS, 7.5f, MUTED, MARGIN, 32, Element.ALIGN_LEFT);
                var number = texts.get("transcript.page", page, pages);
                canvas.text(number, PdfFonts.SANS, 7.5f, MUTED, right, 32, Element.ALIGN_RIGHT);
            }
            stamper.close();
            reader.close();
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
