package org.sapere.credential.pdf;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import com.lowagie.text.pdf.PdfContentByte;
import java.awt.Color;
import java.util.Map;

/** A QR code drawn as vector squares, so that it stays sharp at any zoom and in print. */
final class QrCode {

    /** The blank border a reader needs around the code, in modules. */
    static final int QUIET_MODULES = 4;

    private QrCode() {}

    /**
     * Draws the code of {@code text} in a square of side {@code size} (quiet zone included, left blank) whose lower
     * left corner is at {@code (x, y)}; returns the width of the quiet zone.
     */
    static float draw(PdfContentByte content, String text, float x, float y, float size) {
        var matrix = encode(text);
        var modules = matrix.getWidth();
        var module = size / (modules + 2 * QUIET_MODULES);
        var left = x + QUIET_MODULES * module;
        var top = y + size - QUIET_MODULES * module;
        content.setColorFill(Color.WHITE);
        content.rectangle(x, y, size, size);
        content.fill();
        content.setColorFill(Color.BLACK);
        for (var row = 0; row < modules; row++) {
            var column = 0;
            while (column < modules) {
                if (!matrix.get(column, row)) {
                    column++;
                    continue;
                }
                var start = column;
                while (column < modules && matrix.get(column, row)) {
                    column++;
                }
                // Each run of dark modules is one rectangle, a hair taller and wider so that no seam shows.
                content.rectangle(
                        left + start * module,
                        top - (row + 1) * module,
                        (column - start) * module + 0.01f,
                        module + 0.01f);
            }
        }
        content.fill();
        return QUIET_MODULES * module;
    }

    private static BitMatrix encode(String text) {
        try {
            return new QRCodeWriter()
                    .encode(
                            text,
                            BarcodeFormat.QR_CODE,
                            0,
                            0,
                            Map.of(EncodeHintType.MARGIN, 0, EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M));
        } catch (WriterException e) {
            throw new IllegalArgumentException("cannot encode in a QR code: " + text, e);
        }
    }
}
