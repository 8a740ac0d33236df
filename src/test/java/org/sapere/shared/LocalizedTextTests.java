package org.sapere.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class LocalizedTextTests {

    @Test
    void fallsBackToTheOriginalLanguage() {
        var variants = new LinkedHashMap<String, String>();
        variants.put("it", "Gestione dei progetti");
        variants.put("en", "Project management");
        var text = new LocalizedText(variants);
        assertThat(text.originalLanguage()).isEqualTo("it");
        assertThat(text.in(Locale.ENGLISH)).isEqualTo("Project management");
        assertThat(text.in(Locale.GERMAN)).isEqualTo("Gestione dei progetti");
    }

    @Test
    void needsAtLeastOneLanguage() {
        assertThatThrownBy(() -> new LocalizedText(new LinkedHashMap<>())).isInstanceOf(IllegalArgumentException.class);
    }
}
