package org.sapere;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every module's bundle is complete in the five interface languages: identical keys, every value translated
 * (unless it is on the allow-list below), and every apostrophe written as '' (all messages are MessageFormats).
 */
class MessageBundleTests {

    private static final Path I18N = Path.of("src/main/resources/i18n");
    private static final List<String> LANGUAGES = List.of("it", "de", "nl", "sv");
    private static final Pattern LONE_APOSTROPHE = Pattern.compile("(?<!')'(?!')");

    /** Values that are rightly the same as in English: units, names and loan words. */
    private static final Set<String> SAME_AS_ENGLISH = Set.of(
            "learn.minutes.choice",
            "duration.minutes",
            "duration.hours",
            "duration.hoursMinutes",
            "login.password",
            "passkeys.title",
            "university.location",
            "author.kind.video",
            "assessment.bank.points",
            "assessment.bank.version",
            "assessment.intro.percent");

    @Test
    void everyLanguageHasExactlyTheEnglishKeys() throws IOException {
        for (var module : modules()) {
            var english = load(module.resolve("messages.properties"));
            for (var language : LANGUAGES) {
                var translated = load(module.resolve("messages_" + language + ".properties"));
                assertThat(translated.stringPropertyNames())
                        .as("keys of %s in %s", module.getFileName(), language)
                        .containsExactlyInAnyOrderElementsOf(english.stringPropertyNames());
            }
        }
    }

    @Test
    void everyValueIsTranslated() throws IOException {
        var untranslated = new ArrayList<String>();
        for (var module : modules()) {
            var english = load(module.resolve("messages.properties"));
            for (var language : LANGUAGES) {
                var translated = load(module.resolve("messages_" + language + ".properties"));
                for (var key : english.stringPropertyNames()) {
                    var value = translated.getProperty(key);
                    if (value != null && value.equals(english.getProperty(key)) && !SAME_AS_ENGLISH.contains(key)) {
                        untranslated.add(language + ": " + key + "=" + value);
                    }
                }
            }
        }
        assertThat(untranslated).as("values equal to English").isEmpty();
    }

    @Test
    void apostrophesAreDoubled() throws IOException {
        var wrong = new ArrayList<String>();
        for (var module : modules()) {
            for (var file : Files.list(module).toList()) {
                var bundle = load(file);
                for (var key : bundle.stringPropertyNames()) {
                    if (LONE_APOSTROPHE.matcher(bundle.getProperty(key)).find()) {
                        wrong.add(file.getFileName() + " in " + module.getFileName() + ": " + key);
                    }
                }
            }
        }
        assertThat(wrong).as("messages with a lone apostrophe").isEmpty();
    }

    private static List<Path> modules() throws IOException {
        try (Stream<Path> dirs = Files.list(I18N)) {
            var list = dirs.filter(Files::isDirectory).sorted().toList();
            assertThat(list).isNotEmpty();
            return list;
        }
    }

    private static Properties load(Path file) throws IOException {
        assertThat(file).as("bundle file").exists();
        var properties = new Properties();
        try (var reader = new InputStreamReader(Files.newInputStream(file), StandardCharsets.UTF_8)) {
            properties.load(reader);
        }
        return properties;
    }
}
