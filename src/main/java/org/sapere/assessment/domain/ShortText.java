package org.sapere.assessment.domain;

import java.util.List;

/** Type a word or a short phrase; any of the {@code accepted} answers earns full marks. */
public record ShortText(ItemInfo info, List<TextAnswer> accepted) implements Item {

    public ShortText {
        accepted = Rules.accepted(accepted);
    }

    @Override
    public ShortText withInfo(ItemInfo info) {
        return new ShortText(info, accepted);
    }
}
