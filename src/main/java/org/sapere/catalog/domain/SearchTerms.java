package org.sapere.catalog.domain;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The words of a search, for the typo- and prefix-tolerant branch of the query. The words hold only letters and
 * digits, so the tsquery built from them ({@code (word:* | similar | …) & …}) cannot be malformed or injected.
 */
record SearchTerms(List<String> words, List<String> excluded) {

    private static final Pattern LETTERS = Pattern.compile("[\\p{L}\\p{N}]+");
    private static final int MAX_WORDS = 8;
    static final int MAX_WORD_LENGTH = 40;

    static SearchTerms of(String text) {
        var normalized = Normalizer.normalize(text, Normalizer.Form.NFC).toLowerCase(Locale.ROOT);
        var words = new LinkedHashSet<String>();
        var excluded = new LinkedHashSet<String>();
        for (var chunk : normalized.split("\\s+")) {
            // As in websearch_to_tsquery: "-word" excludes a word, a lone "or" is an operator.
            var negated = chunk.startsWith("-");
            var matcher = LETTERS.matcher(chunk);
            for (var first = true; matcher.find() && words.size() < MAX_WORDS; first = false) {
                var word = matcher.group();
                if (word.length() > MAX_WORD_LENGTH || chunk.equals("or")) {
                    continue;
                }
                (negated && first ? excluded : words).add(word);
            }
        }
        return new SearchTerms(List.copyOf(words), List.copyOf(excluded));
    }

    /** Words long enough to be worth correcting by similarity. */
    List<String> correctable() {
        return words.stream()
                .filter(w -> w.length() >= 4 && !w.chars().allMatch(Character::isDigit))
                .toList();
    }

    /**
     * Every word, or a word it is a prefix of, or a listed word similar to it; never an excluded word. Null when
     * there is nothing to search for.
     */
    @Nullable
    String tolerantQuery(Map<String, List<String>> similar) {
        if (words.isEmpty()) {
            return null;
        }
        var groups = new ArrayList<String>();
        for (var word : words) {
            var options = new LinkedHashSet<String>();
            options.add(word.length() >= 3 ? word + ":*" : word);
            similar.getOrDefault(word, List.of()).stream()
                    .filter(w -> LETTERS.matcher(w).matches())
                    .forEach(options::add);
            groups.add("(" + String.join(" | ", options) + ")");
        }
        for (var word : excluded) {
            groups.add("!" + word);
        }
        return String.join(" & ", groups);
    }
}
