package org.sapere.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class StorageKeyTests {

    @ParameterizedTest
    @ValueSource(
            strings = {
                "cover.png",
                "courses/3f2a/cover.png",
                "courses/3f2a/materials/week-1_slides.v2.pdf",
                "video/abc/720p/segment-00001.ts",
                "A/b/C9"
            })
    void acceptsSafeKeys(String key) {
        assertThat(StorageKey.of(key).value()).isEqualTo(key);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "..",
                "../etc/passwd",
                "courses/../../etc/passwd",
                "courses/./cover.png",
                "/etc/passwd",
                "courses//cover.png",
                "courses/",
                ".hidden",
                "courses/.tmp-1234",
                "-rf",
                "C:\\Windows\\system.ini",
                "courses\\cover.png",
                "cover png",
                "cover.png\n",
                "cover\u0000.png",
                "caffè.png",
                "courses/%2e%2e/secret",
                "a:b"
            })
    void refusesUnsafeKeys(String key) {
        assertThatThrownBy(() -> StorageKey.of(key))
                .isInstanceOf(InvalidStorageKeyException.class)
                .hasMessageStartingWith("Invalid storage key");
    }

    @ParameterizedTest
    @ValueSource(ints = {StorageKey.MAX_LENGTH + 1, 10_000})
    void refusesOverlongKeys(int length) {
        var key = "a/".repeat(length / 2) + "b";
        assertThatThrownBy(() -> StorageKey.of(key)).isInstanceOf(InvalidStorageKeyException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "courses/", "courses/3f", "courses/3f2a/"})
    void acceptsPrefixes(String prefix) {
        assertThat(StorageKey.checkPrefix(prefix)).isEqualTo(prefix);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/", "../", "courses//", "/courses", ".tmp"})
    void refusesBadPrefixes(String prefix) {
        assertThatThrownBy(() -> StorageKey.checkPrefix(prefix)).isInstanceOf(InvalidStorageKeyException.class);
    }

    @Test
    void messagesShowControlCharactersEscaped() {
        assertThatThrownBy(() -> StorageKey.of("a\nb")).hasMessageContaining("a\\u000ab");
    }
}
