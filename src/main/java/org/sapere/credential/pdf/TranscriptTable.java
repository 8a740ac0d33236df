package org.sapere.credential.pdf;

import static org.sapere.credential.pdf.PdfCanvas.HAIRLINE;
import static org.sapere.credential.pdf.PdfCanvas.INK;
import static org.sapere.credential.pdf.PdfCanvas.MUTED;
import static org.sapere.credential.pdf.PdfCanvas.SAPERE_TEAL;

import com.lowagie.text.Chunk;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.Phrase;
import com.lowagie.text.Rectangle;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import java.awt.Color;
import java.math.BigDecimal;

/** The transcript's table: a row per credential, the headings repeated on each page, the totals last. */
final class TranscriptTable {

    private static final float[] WIDTHS = {32, 20, 12, 8, 8, 7, 13};
    private static final Color HEADER_TEXT = Color.WHITE;
    private static final Color TOTALS_BACKGROUND = new Color(0xf0, 0xfd, 0xfa);

    private final TranscriptContent content;
    private final PdfTexts texts;

    TranscriptTable(TranscriptContent content, PdfTexts texts) {
        this.content = content;
        this.texts = texts;
    }

    PdfPTable table() {
        var table = new PdfPTable(WIDTHS);
        table.setWidthPercentage(100);
        table.setHeaderRows(1);
        for (var column : new String[] {"course", "university", "issuedOn", "hours", "ects", "eqf", "status"}) {
            var cell = cell(
                    new Phrase(texts.get("transcript.column." + column), font(PdfFonts.SANS_BOLD, 8, HEADER_TEXT)));
            cell.setBackgroundColor(SAPERE_TEAL);
            cell.setBorder(Rectangle.NO_BORDER);
            if (isNumeric(column)) {
                cell.setHorizontalAlignment(Element.ALIGN_RIGHT);
            }
            table.addCell(cell);
        }
        var hours = 0;
        var ects = BigDecimal.ZERO;
        for (var entry : content.entries()) {
            row(table, entry);
            if (!entry.revoked()) {
                hours += entry.effortHours();
                ects = entry.ects() == null ? ects : ects.add(entry.ects());
            }
        }
        totals(table, hours, ects);
        return table;
    }

    private void row(PdfPTable table, TranscriptContent.Entry entry) {
        var ink = entry.revoked() ? MUTED : INK;
        var course = new Phrase();
        course.add(new Chunk(entry.courseTitle(), font(PdfFonts.SANS_BOLD, 8.5f, ink)));
        course.add(Chunk.NEWLINE);
        var link = new Chunk(entry.verifyUrl(), font(PdfFonts.SANS, 6.5f, SAPERE_TEAL));
        link.setAnchor(entry.verifyUrl());
        course.add(link);
        table.addCell(cell(course));
        table.addCell(cell(new Phrase(entry.organisationName(), font(PdfFonts.SANS, 8, ink))));
        table.addCell(cell(new Phrase(texts.shortDate(entry.issuedOn()), font(PdfFonts.SANS, 8, ink))));
        table.addCell(number(String.valueOf(entry.effortHours()), ink));
        table.addCell(number(entry.ects() == null ? "–" : texts.number(entry.ects()), ink));
        table.addCell(number(entry.eqfLevel() == null ? "–" : String.valueOf(entry.eqfLevel()), ink));
        var status = entry.revoked()
                ? new Phrase(texts.get("transcript.status.revoked"), font(PdfFonts.SANS_BOLD, 8, PdfCanvas.REVOKED))
                : new Phrase(texts.get("transcript.status.valid"), font(PdfFonts.SANS, 8, INK));
        table.addCell(cell(status));
    }

    private void totals(PdfPTable table, int hours, BigDecimal ects) {
        var label = cell(new Phrase(texts.get("transcript.totals"), font(PdfFonts.SANS_BOLD, 8.5f, INK)));
        label.setColspan(3);
        table.addCell(totalsCell(label));
        table.addCell(totalsCell(number(String.valueOf(hours), INK)));
        table.addCell(totalsCell(number(texts.number(ects), INK)));
        var rest = cell(new Phrase(""));
        rest.setColspan(2);
        table.addCell(totalsCell(rest));
    }

    private static PdfPCell totalsCell(PdfPCell cell) {
        cell.setBackgroundColor(TOTALS_BACKGROUND);
        cell.setBorder(Rectangle.TOP);
        cell.setBorderColor(SAPERE_TEAL);
        cell.setBorderWidth(1);
        return cell;
    }

    private static PdfPCell number(String text, Color colour) {
        var cell = cell(new Phrase(text, font(PdfFonts.SANS, 8, colour)));
        cell.setHorizontalAlignment(Element.ALIGN_RIGHT);
        return cell;
    }

    private static PdfPCell cell(Phrase phrase) {
        var cell = new PdfPCell(phrase);
        cell.setBorder(Rectangle.BOTTOM);
        cell.setBorderColor(HAIRLINE);
        cell.setBorderWidth(0.4f);
        cell.setPaddingTop(5);
        cell.setPaddingBottom(6);
        cell.setPaddingLeft(4);
        cell.setPaddingRight(4);
        cell.setUseAscender(true);
        return cell;
    }

    private static boolean isNumeric(String column) {
        return column.equals("hours") || column.equals("ects") || column.equals("eqf");
    }

    private static Font font(BaseFont base, float size, Color colour) {
        return new Font(base, size, Font.NORMAL, colour);
    }
}
