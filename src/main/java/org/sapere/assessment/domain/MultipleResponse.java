package org.sapere.assessment.domain;

import java.util.List;
import java.util.Set;

/** Pick every option that is right: at least two options, at least one of them in {@code correct}. */
public record MultipleResponse(ItemInfo info, List<Option> options, Set<String> correct) implements Item {

    public MultipleResponse {
        options = Rules.options(options, 2);
        correct = Set.copyOf(correct);
        if (correct.isEmpty()) {
            throw new InvalidItemException("assessment.item.noCorrectOption", options.size());
        }
        for (var id : correct) {
            if (!Rules.hasOption(options, id)) {
                throw new InvalidItemException("assessment.item.unknownOption", id);
            }
        }
    }

    @Override
    public MultipleResponse withInfo(ItemInfo info) {
        return new MultipleResponse(info, options, correct);
    }
}
