package org.sapere.catalog;

import java.util.ArrayList;
import java.util.List;

/**
 * A passage of text with the words that matched a search marked. It holds plain text only: templates escape each
 * part and wrap the matched ones in {@code <mark>}, so no stored text is ever trusted as markup.
 */
public record Snippet(List<Part> parts) {

    /** Private-use characters that the database puts around matched words (they are removed from stored text first). */
    public static final char START = '\uE000';

    public static final char STOP = '\uE001';

    /** A run of text, matched or not. */
    public record Part(String text, boolean match) {}

    public Snippet {
        parts = List.copyOf(parts);
    }

    public static Snippet plain(String text) {
        return new Snippet(List.of(new Part(text, false)));
    }

    /** Reads a passage whose matched words are enclosed in {@link #START} and {@link #STOP}. */
    public static Snippet parse(String marked) {
        var parts = new ArrayList<Part>();
        var current = new StringBuilder();
        var inMatch = false;
        for (var i = 0; i < marked.length(); i++) {
            var c = marked.charAt(i);
            if (c == START || c == STOP) {
                if (!current.isEmpty()) {
                    parts.add(new Part(current.toString(), inMatch));
                    current.setLength(0);
                }
                inMatch = c == START;
            } else {
                current.append(c);
            }
        }
        if (!current.isEmpty()) {
            parts.add(new Part(current.toString(), inMatch));
        }
        return new Snippet(parts);
    }

    public boolean hasMatch() {
        return parts.stream().anyMatch(Part::match);
    }
}
