package org.sapere.assessment.domain;

import java.util.List;
import java.util.Objects;

/** One gap of a fill-in-the-blanks item, named by {@code id} in its text's {@code {{id}}} marker. */
public sealed interface Gap {

    String id();

    /** A gap filled with a word or phrase; any accepted answer is right. */
    record Text(String id, List<TextAnswer> accepted) implements Gap {

        public Text {
            Rules.id(id);
            accepted = Rules.accepted(accepted);
        }
    }

    /** A gap filled with a number, perhaps with a unit, judged like a numeric item. */
    record Numeric(String id, NumericAnswer answer) implements Gap {

        public Numeric {
            Rules.id(id);
            Objects.requireNonNull(answer);
        }
    }

    /** A gap filled by picking one of at least two options (a drop-down in the text); the learner sends its id. */
    record InlineChoice(String id, List<Option> options, String correct) implements Gap {

        public InlineChoice {
            Rules.id(id);
            options = Rules.options(options, 2);
            if (!Rules.hasOption(options, correct)) {
                throw new InvalidItemException("assessment.item.unknownOption", correct);
            }
        }
    }
}
