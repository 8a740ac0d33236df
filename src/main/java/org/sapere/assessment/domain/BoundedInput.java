package org.sapere.assessment.domain;

import java.util.regex.Pattern;

/**
 * Input for a regular expression that counts how often the matcher reads it and gives up past a budget. Java's
 * regex engine backtracks, and an author's pattern such as {@code ((a+)+)+b} takes exponential time on some answers;
 * the engine reads the input at nearly every step, so counting reads bounds the time a match can take.
 */
final class BoundedInput implements CharSequence {

    /** Reads allowed per match: far more than a sensible pattern needs on 1,000 characters; well under a second. */
    static final long BUDGET = 1_000_000;

    private final String text;
    private final long[] reads;

    private BoundedInput(String text, long[] reads) {
        this.text = text;
        this.reads = reads;
    }

    /** Whether {@code pattern} matches the whole of {@code text}; false when the budget runs out. */
    static boolean matches(Pattern pattern, String text) {
        try {
            return pattern.matcher(new BoundedInput(text, new long[1])).matches();
        } catch (BudgetExhausted e) {
            return false;
        }
    }

    @Override
    public char charAt(int index) {
        if (++reads[0] > BUDGET) {
            throw new BudgetExhausted();
        }
        return text.charAt(index);
    }

    @Override
    public int length() {
        return text.length();
    }

    @Override
    public CharSequence subSequence(int start, int end) {
        return new BoundedInput(text.substring(start, end), reads);
    }

    @Override
    public String toString() {
        return text;
    }

    private static final class BudgetExhausted extends RuntimeException {

        BudgetExhausted() {
            super(null, null, false, false);
        }
    }
}
