package org.sapere.assessment.domain;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * What a learner answered to an item, one record per item type, holding what the answer form sends: ids of options,
 * and typed text exactly as typed (the scorer reads numbers and units out of it). A response of another type than
 * its item, or an empty one, scores zero.
 */
public sealed interface Response {

    /** The learner left the item unanswered. */
    record Unanswered() implements Response {}

    /** The id of the option chosen. */
    record SingleChoice(String chosen) implements Response {

        public SingleChoice {
            Objects.requireNonNull(chosen);
        }
    }

    /** The ids of the options chosen. */
    record MultipleResponse(Set<String> chosen) implements Response {

        public MultipleResponse {
            chosen = Set.copyOf(chosen);
        }
    }

    record TrueFalse(boolean answer) implements Response {}

    /** The number as typed, such as "9.81", "1,5" or "1.50 m". */
    record Numeric(String typed) implements Response {

        public Numeric {
            Objects.requireNonNull(typed);
        }
    }

    record ShortText(String typed) implements Response {

        public ShortText {
            Objects.requireNonNull(typed);
        }
    }

    /** Gap id to what was put in the gap: the typed text or number, or an inline choice's option id. */
    record FillInTheBlanks(Map<String, String> gaps) implements Response {

        public FillInTheBlanks {
            gaps = Map.copyOf(gaps);
        }
    }

    /** The items' ids in the learner's order, first to last. */
    record Ordering(List<String> order) implements Response {

        public Ordering {
            order = List.copyOf(order);
        }
    }

    /** Left id to the right id the learner paired it with; lefts left unpaired are absent. */
    record Matching(Map<String, String> pairs) implements Response {

        public Matching {
            pairs = Map.copyOf(pairs);
        }
    }

    record Essay(String text) implements Response {

        public Essay {
            Objects.requireNonNull(text);
        }
    }
}
