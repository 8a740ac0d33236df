package org.sapere.assessment.domain;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Pair each option on the left with one on the right. {@code pairs} maps every left id to its right id; rights may
 * outnumber lefts (distractors). When {@code rightsReusable} is false, no two lefts share a right, and the learner's
 * form offers each right once.
 */
public record Matching(
        ItemInfo info, List<Option> lefts, List<Option> rights, Map<String, String> pairs, boolean rightsReusable)
        implements Item {

    public Matching {
        lefts = Rules.options(lefts, 2);
        rights = Rules.options(rights, 2);
        // Ids are unique across both sides, as QTI requires of an item's identifiers.
        Rules.unique(
                Stream.concat(lefts.stream(), rights.stream()).map(Option::id).toList());
        pairs = Map.copyOf(pairs);
        for (var pair : pairs.entrySet()) {
            if (!Rules.hasOption(lefts, pair.getKey())) {
                throw new InvalidItemException("assessment.item.unknownOption", pair.getKey());
            }
            if (!Rules.hasOption(rights, pair.getValue())) {
                throw new InvalidItemException("assessment.item.unknownOption", pair.getValue());
            }
        }
        for (var left : lefts) {
            if (!pairs.containsKey(left.id())) {
                throw new InvalidItemException("assessment.item.unpairedLeft", left.id());
            }
        }
        if (!rightsReusable) {
            var used = new HashSet<String>();
            for (var left : lefts) {
                var right = pairs.get(left.id());
                if (!used.add(right)) {
                    throw new InvalidItemException("assessment.item.rightReused", right);
                }
            }
        }
    }

    @Override
    public Matching withInfo(ItemInfo info) {
        return new Matching(info, lefts, rights, pairs, rightsReusable);
    }
}
