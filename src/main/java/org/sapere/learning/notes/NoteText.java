package org.sapere.learning.notes;

import java.math.BigDecimal;
import org.jspecify.annotations.Nullable;

/** What a note may contain: some text, at most {@value #MAX_LENGTH} characters, nothing a person cannot type. */
final class NoteText {

    static final int MAX_LENGTH = 10_000;

    /** Longer than any lesson video (a day); beyond it a time is a mistake. */
    private static final BigDecimal MAX_SECOND = BigDecimal.valueOf(86_400);

    private NoteText() {}

    /** The body as it is stored: line breaks as {@code \n}, without surrounding blank space. */
    static String clean(@Nullable String body) {
        if (body == null) {
            throw new InvalidNoteException("notes.problem.empty");
        }
        // Browsers send a textarea's line breaks as CRLF; they count as one character, as the learner sees them.
        var text = body.replace("\r\n", "\n").replace('\r', '\n').strip();
        if (text.isEmpty()) {
            throw new InvalidNoteException("notes.problem.empty");
        }
        if (!typeable(text)) {
            throw new InvalidNoteException("notes.problem.unreadable");
        }
        var length = text.codePointCount(0, text.length());
        if (length > MAX_LENGTH) {
            throw new InvalidNoteException("notes.problem.tooLong");
        }
        return text;
    }

    /** A video time in seconds (from a form field or JSON), rounded to milliseconds; null for none. */
    static @Nullable BigDecimal second(@Nullable Double seconds) {
        if (seconds == null) {
            return null;
        }
        if (!Double.isFinite(seconds)
                || seconds < 0
                || BigDecimal.valueOf(seconds).compareTo(MAX_SECOND) > 0) {
            throw new InvalidNoteException("notes.problem.badTime");
        }
        return BigDecimal.valueOf(seconds).setScale(3, java.math.RoundingMode.HALF_UP);
    }

    static @Nullable BigDecimal second(@Nullable String field) {
        if (field == null || field.isBlank()) {
            return null;
        }
        try {
            return second(Double.valueOf(field.strip()));
        } catch (NumberFormatException e) {
            throw new InvalidNoteException("notes.problem.badTime");
        }
    }

    /**
     * False for control characters other than tab and line feed, and for broken UTF-16: a form's fields are
     * checked for these before they reach a controller, a JSON body is not, and PostgreSQL cannot store NUL.
     */
    private static boolean typeable(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if ((c < 0x20 && c != '\t' && c != '\n') || c == 0x7f) {
                return false;
            }
            if (Character.isHighSurrogate(c)) {
                if (i + 1 >= text.length() || !Character.isLowSurrogate(text.charAt(i + 1))) {
                    return false;
                }
                i++;
            } else if (Character.isLowSurrogate(c)) {
                return false;
            }
        }
        return true;
    }
}
