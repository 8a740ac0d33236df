package org.sapere.credential.pdf;

import com.lowagie.text.pdf.BaseFont;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The Liberation fonts every credential PDF prints with, embedded (as subsets) and encoded as Identity-H so that any
 * European letter prints: Ł, Ż, Ø, Greek and Cyrillic alike.
 */
final class PdfFonts {

    static final BaseFont SANS = load("LiberationSans-Regular.ttf");
    static final BaseFont SANS_BOLD = load("LiberationSans-Bold.ttf");
    static final BaseFont SANS_ITALIC = load("LiberationSans-Italic.ttf");
    static final BaseFont SERIF = load("LiberationSerif-Regular.ttf");
    static final BaseFont SERIF_BOLD = load("LiberationSerif-Bold.ttf");
    static final BaseFont SERIF_ITALIC = load("LiberationSerif-Italic.ttf");

    private PdfFonts() {}

    private static BaseFont load(String file) {
        try (var in = PdfFonts.class.getClassLoader().getResourceAsStream("liberation/" + file)) {
            if (in == null) {
                throw new IllegalStateException("font not on the classpath: liberation/" + file);
            }
            return BaseFont.createFont(file, BaseFont.IDENTITY_H, BaseFont.EMBEDDED, true, in.readAllBytes(), null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
