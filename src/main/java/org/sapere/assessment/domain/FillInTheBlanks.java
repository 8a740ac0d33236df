package org.sapere.assessment.domain;

import java.util.HashSet;
import java.util.List;
import java.util.regex.Pattern;
import org.sapere.shared.LocalizedText;

/**
 * A Markdown text with gaps, each written as {@code {{id}}} where it stands, and each with its own kind of answer.
 * Every language of the text holds every gap's marker exactly once and no other marker; the order may differ between
 * languages, as word order does.
 */
public record FillInTheBlanks(ItemInfo info, LocalizedText text, List<Gap> gaps) implements Item {

    /** A gap's marker in the text; group 1 is the gap's id. */
    public static final Pattern MARKER = Pattern.compile("\\{\\{([A-Za-z0-9_-]{1,64})}}");

    public FillInTheBlanks {
        gaps = List.copyOf(gaps);
        if (gaps.isEmpty()) {
            throw new InvalidItemException("assessment.item.noGaps", 0);
        }
        var ids = gaps.stream().map(Gap::id).toList();
        Rules.unique(ids);
        for (var variant : text.variants().values()) {
            var found = new HashSet<String>();
            var m = MARKER.matcher(variant);
            while (m.find()) {
                if (!ids.contains(m.group(1))) {
                    throw new InvalidItemException("assessment.item.unknownGapMarker", m.group(1));
                }
                if (!found.add(m.group(1))) {
                    throw new InvalidItemException("assessment.item.gapMarkerRepeated", m.group(1));
                }
            }
            for (var id : ids) {
                if (!found.contains(id)) {
                    throw new InvalidItemException("assessment.item.gapMarkerMissing", id);
                }
            }
        }
    }

    @Override
    public FillInTheBlanks withInfo(ItemInfo info) {
        return new FillInTheBlanks(info, text, gaps);
    }
}
