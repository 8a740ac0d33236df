package org.sapere.video.domain;

import java.util.ArrayList;
import java.util.List;

/** The HLS renditions made of a video: 360p to 1080p, never above the source. */
record Ladder(List<Rendition> renditions) {

    /** One quality: its height, and the video and audio bit rates in kbit/s. */
    record Rendition(int height, int videoKbps, int audioKbps) {

        String name() {
            return height + "p";
        }
    }

    static final List<Rendition> FULL = List.of(
            new Rendition(360, 800, 96),
            new Rendition(540, 1400, 128),
            new Rendition(720, 2800, 128),
            new Rendition(1080, 5000, 160));

    static Ladder forSource(int sourceHeight, int maxHeight) {
        var limit = Math.min(sourceHeight, maxHeight);
        var chosen = new ArrayList<Rendition>();
        for (var r : FULL) {
            if (r.height() <= limit) {
                chosen.add(r);
            }
        }
        if (chosen.isEmpty()) {
            // A source below 360 lines keeps its own height (rounded down to even, as H.264 wants).
            var height = Math.max(2, limit - limit % 2);
            chosen.add(new Rendition(height, 600, 96));
        }
        return new Ladder(List.copyOf(chosen));
    }

    Rendition highestUpTo(int height) {
        var best = renditions.getFirst();
        for (var r : renditions) {
            if (r.height() <= height) {
                best = r;
            }
        }
        return best;
    }
}
