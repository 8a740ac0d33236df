package org.sapere.storage;

/** A key (or prefix) that {@link StorageKey} refuses: climbing out with {@code ..}, absolute, or odd characters. */
public class InvalidStorageKeyException extends IllegalArgumentException {

    InvalidStorageKeyException(String key, String problem) {
        super("Invalid storage key '" + printable(key) + "': " + problem);
    }

    private static String printable(String key) {
        var shown = key.length() > 80 ? key.substring(0, 80) + "…" : key;
        return shown.codePoints()
                .collect(
                        StringBuilder::new,
                        (sb, c) -> sb.append(c < 0x20 || c == 0x7f ? "\\u%04x".formatted(c) : Character.toString(c)),
                        StringBuilder::append)
                .toString();
    }
}
