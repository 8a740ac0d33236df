package org.sapere.assessment.domain;

import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * A written answer graded by staff with a {@link Rubric}. The rubric's best levels add up to at least the item's
 * points, so full marks can be reached; they may add up to more (a grade is capped at the points). {@code minWords}
 * and {@code maxWords}, when set, are limits the answer form enforces before submitting; scoring does not.
 */
public record Essay(
        ItemInfo info,
        Rubric rubric,
        @Nullable Integer minWords,
        @Nullable Integer maxWords) implements Item {

    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N}\\p{M}'’_-]*");

    public Essay {
        if (rubric.maxPoints().compareTo(info.points()) < 0) {
            throw new InvalidItemException("assessment.item.rubricBelowPoints", rubric.maxPoints());
        }
        positive(minWords);
        positive(maxWords);
        if (minWords != null && maxWords != null && minWords > maxWords) {
            throw new InvalidItemException("assessment.item.wordLimits", minWords);
        }
    }

    private static void positive(@Nullable Integer wordLimit) {
        if (wordLimit != null && wordLimit < 1) {
            throw new InvalidItemException("assessment.item.wordLimitNotPositive", wordLimit);
        }
    }

    /** Words in a text: runs of letters and digits, with apostrophes and hyphens inside ("don't", "well-known"). */
    public static int words(String text) {
        return (int) WORD.matcher(text).results().count();
    }

    /** Whether {@code text} is within the word limits, for the form to say so before the learner submits. */
    public boolean withinWordLimits(String text) {
        var count = words(text);
        return (minWords == null || count >= minWords) && (maxWords == null || count <= maxWords);
    }

    @Override
    public Essay withInfo(ItemInfo info) {
        return new Essay(info, rubric, minWords, maxWords);
    }
}
