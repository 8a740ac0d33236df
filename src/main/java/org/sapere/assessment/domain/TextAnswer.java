package org.sapere.assessment.domain;

import java.text.Normalizer;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * One accepted answer of a short-text item or a text gap: a literal text, or a Java regular expression that must
 * match the whole answer. Both sides are compared in Unicode NFC, so an accent typed as one character or as two
 * counts the same. Answers longer than {@link #MAX_LENGTH} characters match nothing.
 */
public sealed interface TextAnswer {

    /** Longer answers are not compared: a short answer is short, and a regular expression gets bounded input. */
    int MAX_LENGTH = 1000;

    boolean matches(String typed);

    /**
     * Accepted when equal to {@code text}; ignoring case unless {@code caseSensitive}; with {@code
     * normaliseWhitespace}, after trimming both ends and turning each run of spaces, tabs or line breaks into one space.
     */
    record Literal(String text, boolean caseSensitive, boolean normaliseWhitespace) implements TextAnswer {

        public Literal {
            if (text.isBlank()) {
                throw new InvalidItemException("assessment.item.blankAcceptedAnswer", text);
            }
            if (text.length() > MAX_LENGTH) {
                throw new InvalidItemException("assessment.item.acceptedAnswerTooLong", text.length());
            }
        }

        /** The usual literal: case ignored, spaces normalised. */
        public static Literal of(String text) {
            return new Literal(text, false, true);
        }

        @Override
        public boolean matches(String typed) {
            var expected =
                    Normalizer.normalize(normaliseWhitespace ? TypedNumber.collapse(text) : text, Normalizer.Form.NFC);
            var given = Normalizer.normalize(
                    normaliseWhitespace ? TypedNumber.collapse(typed) : typed, Normalizer.Form.NFC);
            return caseSensitive ? expected.equals(given) : expected.equalsIgnoreCase(given);
        }
    }

    /**
     * Accepted when {@code pattern} matches the whole answer, leading and trailing spaces removed; ignoring case (in
     * any script) unless {@code caseSensitive}. The pattern is compiled when the item is built, so a broken one is
     * refused then. Matching has a step budget: a pattern that backtracks catastrophically matches nothing rather
     * than stalling the server.
     */
    record Regex(String pattern, boolean caseSensitive) implements TextAnswer {

        /** Longest pattern accepted. */
        public static final int MAX_PATTERN_LENGTH = 500;

        public Regex {
            if (pattern.isEmpty() || pattern.length() > MAX_PATTERN_LENGTH) {
                throw new InvalidItemException("assessment.item.regexLength", pattern.length());
            }
            try {
                Pattern.compile(pattern);
            } catch (PatternSyntaxException e) {
                throw new InvalidItemException("assessment.item.invalidRegex", pattern);
            }
        }

        @Override
        public boolean matches(String typed) {
            var flags = caseSensitive ? 0 : Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;
            var input = Normalizer.normalize(typed.strip(), Normalizer.Form.NFC);
            return BoundedInput.matches(Pattern.compile(pattern, flags), input);
        }
    }
}
