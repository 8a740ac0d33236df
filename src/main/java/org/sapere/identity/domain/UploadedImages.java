package org.sapere.identity.domain;

import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import javax.imageio.ImageIO;
import org.jspecify.annotations.Nullable;

/**
 * Images people upload (university logos, avatars): accepted only if the content is a PNG or JPEG that decodes,
 * refused before decoding when its dimensions are huge (decompression bombs), then drawn again into a fresh PNG
 * of a bounded size, so nothing of the original file (metadata, trailing bytes, polyglots) is ever served.
 */
final class UploadedImages {

    static final int MAX_SOURCE_PIXELS = 4000;

    private UploadedImages() {}

    /**
     * @param square crop the middle square first (avatars)
     * @return the new PNG, or null if the upload is not a readable PNG or JPEG of sensible size
     */
    static byte @Nullable [] reencode(byte[] upload, int maxWidth, int maxHeight, boolean square) {
        if (!isPng(upload) && !isJpeg(upload)) {
            return null;
        }
        try (var input = ImageIO.createImageInputStream(new ByteArrayInputStream(upload))) {
            var readers = ImageIO.getImageReaders(input);
            if (input == null || !readers.hasNext()) {
                return null;
            }
            var reader = readers.next();
            try {
                reader.setInput(input, true, true);
                if (reader.getWidth(0) > MAX_SOURCE_PIXELS || reader.getHeight(0) > MAX_SOURCE_PIXELS) {
                    return null;
                }
                var source = reader.read(0);
                if (square) {
                    var side = Math.min(source.getWidth(), source.getHeight());
                    source = source.getSubimage(
                            (source.getWidth() - side) / 2, (source.getHeight() - side) / 2, side, side);
                }
                var scale = Math.min(
                        1.0, Math.min((double) maxWidth / source.getWidth(), (double) maxHeight / source.getHeight()));
                var width = Math.max(1, (int) Math.round(source.getWidth() * scale));
                var height = Math.max(1, (int) Math.round(source.getHeight() * scale));
                var target = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
                var g = target.createGraphics();
                g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
                g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
                g.drawImage(source, 0, 0, width, height, null);
                g.dispose();
                var out = new ByteArrayOutputStream();
                ImageIO.write(target, "png", out);
                return out.toByteArray();
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException broken) {
            return null;
        }
    }

    private static boolean isPng(byte[] b) {
        return b.length > 8 && (b[0] & 0xff) == 0x89 && b[1] == 'P' && b[2] == 'N' && b[3] == 'G';
    }

    private static boolean isJpeg(byte[] b) {
        return b.length > 3 && (b[0] & 0xff) == 0xff && (b[1] & 0xff) == 0xd8 && (b[2] & 0xff) == 0xff;
    }
}
