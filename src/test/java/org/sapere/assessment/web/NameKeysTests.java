package org.sapere.assessment.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.text.Collator;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** Kept sort keys order names exactly as the language's collator does, and are the same key when asked again. */
class NameKeysTests {

    private static final List<String> NAMES = List.of(
            "Zoë Weber",
            "Åsa Lindqvist",
            "anna Rossi",
            "Anna Rossi",
            "Ömer Yılmaz",
            "Olga Ivanova",
            "Émile Dubois",
            "Emile Dubois",
            "de Vries, Sanne",
            "Davide Conti",
            "",
            "Chloé Lefèvre",
            "Chloe Lefevre",
            "Ørjan Nilsen",
            "Seán O'Brien",
            "Sean OBrien",
            "李伟");

    @Test
    void keysOrderNamesAsTheCollatorDoes() {
        for (var locale : List.of(Locale.ENGLISH, Locale.ITALIAN, Locale.GERMAN, Locale.of("sv"), Locale.of("nl"))) {
            var collator = Collator.getInstance(locale);
            collator.setStrength(Collator.SECONDARY);
            var expected = new ArrayList<>(NAMES);
            expected.sort(collator);
            var keys = new NameKeys().in(locale);
            var sorted = new ArrayList<>(NAMES);
            sorted.sort((a, b) -> NameKeys.compare(keys.key(a), keys.key(b)));
            // Names the collator finds equal (case only) may come in either order: compare with the collator.
            for (var k = 0; k < NAMES.size(); k++) {
                assertThat(collator.compare(sorted.get(k), expected.get(k)))
                        .as(locale + " position " + k + ": " + sorted)
                        .isZero();
            }
        }
    }

    @Test
    void aKeyIsKeptForLaterRequests() {
        var names = new NameKeys();
        var first = names.in(Locale.ENGLISH).key("Åsa Lindqvist");
        assertThat(names.in(Locale.ENGLISH).key("Åsa Lindqvist")).isSameAs(first);
        assertThat(names.in(Locale.of("sv")).key("Åsa Lindqvist")).isNotSameAs(first);
    }
}
