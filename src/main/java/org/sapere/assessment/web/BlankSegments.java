package org.sapere.assessment.web;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.sapere.assessment.domain.FillInTheBlanks;
import org.sapere.assessment.domain.Gap;
import org.sapere.assessment.domain.Option;
import org.sapere.assessment.web.AskedItem.GapKind;
import org.sapere.assessment.web.AskedItem.Segment;
import org.sapere.shared.Markdown;

/**
 * Cuts a fill-in-the-blanks text into HTML pieces and gaps. The whole text is rendered as Markdown at once, each
 * marker replaced by a token of letters and digits that Markdown and the sanitiser keep as text, so a gap stands
 * where its marker stood, inside its paragraph, list item or table cell; the HTML is then cut at the tokens.
 */
final class BlankSegments {

    private static final String TOKEN = "SAPEREGAP%dZ";
    private static final Pattern TOKENS = Pattern.compile("SAPEREGAP(\\d+)Z");
    private static final Pattern TAG = Pattern.compile("<[^>]*>");

    private BlankSegments() {}

    static List<Segment> of(FillInTheBlanks item, long seed, Locale locale) {
        var gaps = item.gaps();
        var source = new StringBuilder();
        var markers = FillInTheBlanks.MARKER.matcher(item.text().in(locale));
        while (markers.find()) {
            var index = gaps.stream().map(Gap::id).toList().indexOf(markers.group(1));
            markers.appendReplacement(source, String.format(Locale.ROOT, TOKEN, index));
        }
        markers.appendTail(source);
        var cutter = new Cutter(item, seed, locale);
        var html = Markdown.html(source.toString());
        var tags = TAG.matcher(html);
        int from = 0;
        while (tags.find()) {
            cutter.text(html.substring(from, tags.start()));
            // A marker inside a tag (a link's address) cannot hold a field: it is dropped, and its gap added below.
            cutter.piece.append(TOKENS.matcher(tags.group()).replaceAll(""));
            from = tags.end();
        }
        cutter.text(html.substring(from));
        for (int i = 0; i < gaps.size(); i++) {
            if (!cutter.placed.contains(i)) {
                cutter.piece.append(' ');
                cutter.gap(i);
            }
        }
        cutter.flush();
        return List.copyOf(cutter.segments);
    }

    private static final class Cutter {

        private final FillInTheBlanks item;
        private final long seed;
        private final Locale locale;
        private final List<Segment> segments = new ArrayList<>();
        private final HashSet<Integer> placed = new HashSet<>();
        private final StringBuilder piece = new StringBuilder();

        Cutter(FillInTheBlanks item, long seed, Locale locale) {
            this.item = item;
            this.seed = seed;
            this.locale = locale;
        }

        void text(String run) {
            Matcher m = TOKENS.matcher(run);
            int from = 0;
            while (m.find()) {
                piece.append(run, from, m.start());
                from = m.end();
                var index = Integer.parseInt(m.group(1));
                // Only tokens this class wrote are gaps; a text that spells one out loses it.
                if (index >= 0 && index < item.gaps().size() && !placed.contains(index)) {
                    gap(index);
                }
            }
            piece.append(run, from, run.length());
        }

        void gap(int index) {
            flush();
            placed.add(index);
            var gap = item.gaps().get(index);
            var number = placed.size();
            segments.add(
                    switch (gap) {
                        case Gap.Text text -> new AskedItem.Gap(gap.id(), number, GapKind.TEXT, List.of());
                        case Gap.Numeric numeric -> new AskedItem.Gap(gap.id(), number, GapKind.NUMERIC, List.of());
                        case Gap.InlineChoice choice ->
                            new AskedItem.Gap(
                                    gap.id(),
                                    number,
                                    GapKind.CHOICE,
                                    AskedItem.choices(
                                            Shuffle.of(
                                                    choice.options(),
                                                    Option::id,
                                                    seed,
                                                    item.info().id(),
                                                    "gap:" + gap.id()),
                                            locale));
                    });
        }

        void flush() {
            if (!piece.isEmpty()) {
                segments.add(new AskedItem.Text(piece.toString()));
                piece.setLength(0);
            }
        }
    }
}
