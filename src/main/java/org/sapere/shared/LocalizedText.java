package org.sapere.shared;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * A text written in one or more languages. The first entry is the original; {@link #in(Locale)} falls back to it when
 * the requested language has no variant.
 */
public record LocalizedText(Map<String, String> variants) {

    public LocalizedText {
        Objects.requireNonNull(variants);
        if (variants.isEmpty()) {
            throw new IllegalArgumentException("A localized text needs at least one language");
        }
        variants = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(variants));
    }

    public static LocalizedText of(String language, String text) {
        return new LocalizedText(Map.of(language, text));
    }

    /** The language the text was first written in. */
    public String originalLanguage() {
        return variants.keySet().iterator().next();
    }

    public String original() {
        return variants.values().iterator().next();
    }

    /** The variant for the locale's language, or the original when there is none. */
    public String in(Locale locale) {
        var text = variants.get(locale.getLanguage());
        return text != null ? text : original();
    }

    @Override
    public String toString() {
        return original();
    }
}
