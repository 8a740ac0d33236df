package org.sapere.assessment.domain;

import java.util.List;

/** Pick one of at least two options; exactly one, {@code correct}, is right. */
public record SingleChoice(ItemInfo info, List<Option> options, String correct) implements Item {

    public SingleChoice {
        options = Rules.options(options, 2);
        if (correct.isBlank()) {
            throw new InvalidItemException("assessment.item.noCorrectOption", options.size());
        }
        if (!Rules.hasOption(options, correct)) {
            throw new InvalidItemException("assessment.item.unknownOption", correct);
        }
    }

    @Override
    public SingleChoice withInfo(ItemInfo info) {
        return new SingleChoice(info, options, correct);
    }
}
