package org.sapere.assessment.domain;

import java.util.Objects;

/** Type a number, perhaps with a unit; {@link NumericAnswer} says what is accepted. */
public record Numeric(ItemInfo info, NumericAnswer answer) implements Item {

    public Numeric {
        Objects.requireNonNull(answer);
    }

    @Override
    public Numeric withInfo(ItemInfo info) {
        return new Numeric(info, answer);
    }
}
