package org.sapere.assessment.domain;

import java.util.List;

/** Put at least two items in order; {@code items} holds them in the correct order (learners see them shuffled). */
public record Ordering(ItemInfo info, List<Option> items) implements Item {

    public Ordering {
        items = List.copyOf(items);
        if (items.size() < 2) {
            throw new InvalidItemException("assessment.item.tooFewItems", items.size());
        }
        Rules.unique(items.stream().map(Option::id).toList());
    }

    @Override
    public Ordering withInfo(ItemInfo info) {
        return new Ordering(info, items);
    }
}
