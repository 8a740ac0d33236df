package org.sapere.credential.pdf;

import com.lowagie.text.Element;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.PdfContentByte;
import java.awt.Color;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/** A page's content stream with the few drawing moves the credential PDFs need: placed text, wrapped text, rules. */
final class PdfCanvas {

    /** Sapere's own teal, for universities that chose no colour. */
    static final Color SAPERE_TEAL = new Color(0x0f, 0x76, 0x6e);

    static final Color INK = new Color(0x1f, 0x29, 0x37);
    static final Color MUTED = new Color(0x5b, 0x65, 0x73);
    static final Color REVOKED = new Color(0xb9, 0x1c, 0x1c);
    static final Color HAIRLINE = new Color(0x9c, 0xa3, 0xaf);

    private static final Pattern HEX_COLOUR = Pattern.compile("#?[0-9a-fA-F]{6}");

    private final PdfContentByte content;

    PdfCanvas(PdfContentByte content) {
        this.content = content;
    }

    PdfContentByte content() {
        return content;
    }

    /** The colour {@code #rrggbb}, or Sapere's teal when there is none or it is not one. */
    static Color colour(@Nullable String hex) {
        if (hex == null || !HEX_COLOUR.matcher(hex.strip()).matches()) {
            return SAPERE_TEAL;
        }
        return new Color(Integer.parseInt(hex.strip().replace("#", ""), 16));
    }

    /** Writes one line of text; {@code alignment} is one of {@link Element}'s ALIGN_LEFT, _CENTER or _RIGHT. */
    void text(String text, BaseFont font, float size, Color colour, float x, float y, int alignment) {
        content.beginText();
        content.setFontAndSize(font, size);
        content.setColorFill(colour);
        content.showTextAligned(alignment, text, x, y, 0);
        content.endText();
    }

    void centred(String text, BaseFont font, float size, Color colour, float x, float y) {
        text(text, font, size, colour, x, y, Element.ALIGN_CENTER);
    }

    /** The largest size, from {@code size} down to {@code smallest}, at which the text fits in {@code width}. */
    static float fit(String text, BaseFont font, float size, float smallest, float width) {
        var natural = font.getWidthPoint(text, size);
        return natural <= width ? size : Math.max(smallest, size * width / natural);
    }

    /** Breaks the text into lines no wider than {@code width} at spaces (a word longer than a line stays whole). */
    static List<String> wrap(String text, BaseFont font, float size, float width) {
        var lines = new ArrayList<String>();
        var line = new StringBuilder();
        for (var word : text.strip().split("\\s+")) {
            var candidate = line.isEmpty() ? word : line + " " + word;
            if (!line.isEmpty() && font.getWidthPoint(candidate, size) > width) {
                lines.add(line.toString());
                line = new StringBuilder(word);
            } else {
                line = new StringBuilder(candidate);
            }
        }
        if (!line.isEmpty()) {
            lines.add(line.toString());
        }
        return lines;
    }

    /**
     * Like {@link #wrap}, but with the lines as even as they can be: as many lines as at {@code width}, each as narrow
     * as that allows, so that a title does not end in one lone word.
     */
    static List<String> balance(String text, BaseFont font, float size, float width) {
        var lines = wrap(text, font, size, width);
        if (lines.size() < 2) {
            return lines;
        }
        var narrow = width / lines.size();
        var wide = width;
        while (wide - narrow > 2) {
            var middle = (narrow + wide) / 2;
            if (wrap(text, font, size, middle).size() > lines.size()) {
                narrow = middle;
            } else {
                wide = middle;
            }
        }
        return wrap(text, font, size, wide);
    }

    /** The width of the widest line. */
    static float widest(List<String> lines, BaseFont font, float size) {
        return (float) lines.stream()
                .mapToDouble(line -> font.getWidthPoint(line, size))
                .max()
                .orElse(0);
    }

    /** At most {@code max} lines; the last one kept ends with an ellipsis when text was left out. */
    static List<String> limit(List<String> lines, int max, BaseFont font, float size, float width) {
        if (lines.size() <= max) {
            return lines;
        }
        var kept = new ArrayList<>(lines.subList(0, max));
        var last = kept.get(max - 1);
        while (!last.isEmpty() && font.getWidthPoint(last + "…", size) > width) {
            last = last.substring(0, last.length() - 1).stripTrailing();
        }
        kept.set(max - 1, last + "…");
        return kept;
    }

    void line(float x1, float y1, float x2, float y2, float width, Color colour) {
        content.setLineWidth(width);
        content.setColorStroke(colour);
        content.moveTo(x1, y1);
        content.lineTo(x2, y2);
        content.stroke();
    }

    void frame(float x, float y, float width, float height, float lineWidth, Color colour) {
        content.setLineWidth(lineWidth);
        content.setColorStroke(colour);
        content.rectangle(x, y, width, height);
        content.stroke();
    }
}
