package org.sapere.storage;

import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The name of a stored object: segments separated by {@code /}, each starting with a letter or digit and made of
 * letters, digits, {@code .}, {@code _} and {@code -}. So a key can never climb out of its root ({@code ..}), be
 * absolute, or name a hidden file; the same key is a valid file path on every filesystem and a valid S3 key.
 */
public record StorageKey(String value) {

    /** S3 allows 1024 bytes; a shorter limit keeps room for a bucket prefix and stays a portable path. */
    public static final int MAX_LENGTH = 512;

    /** Below the 255 bytes of common filesystems, leaving room for the hidden sidecar name beside it. */
    public static final int MAX_SEGMENT_LENGTH = 200;

    private static final Pattern SEGMENT = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");

    /** @throws InvalidStorageKeyException when the key breaks a rule above */
    public StorageKey {
        var problem = problemWith(value);
        if (problem != null) {
            throw new InvalidStorageKeyException(value, problem);
        }
    }

    public static StorageKey of(String value) {
        return new StorageKey(value);
    }

    /** Whether {@code value} would be a valid key. */
    public static boolean isValid(String value) {
        return problemWith(value) == null;
    }

    /**
     * Checks a prefix for {@link MediaStorage#list}: empty (everything), or the start of a key, possibly ending in
     * {@code /}.
     *
     * @throws InvalidStorageKeyException when the prefix could not start any valid key
     */
    public static String checkPrefix(String prefix) {
        if (prefix.isEmpty()) {
            return prefix;
        }
        var asKey = prefix.endsWith("/") ? prefix.substring(0, prefix.length() - 1) : prefix;
        var problem = problemWith(asKey);
        if (problem != null) {
            throw new InvalidStorageKeyException(prefix, problem);
        }
        return prefix;
    }

    /** The last segment: the file name. */
    public String name() {
        return value.substring(value.lastIndexOf('/') + 1);
    }

    private static @Nullable String problemWith(String value) {
        if (value.isEmpty()) {
            return "it is empty";
        }
        if (value.length() > MAX_LENGTH) {
            return "it is longer than " + MAX_LENGTH + " characters";
        }
        if (value.startsWith("/")) {
            return "it is absolute (starts with /)";
        }
        for (var segment : value.split("/", -1)) {
            if (segment.isEmpty()) {
                return "it has an empty segment (// or a trailing /)";
            }
            if (segment.length() > MAX_SEGMENT_LENGTH) {
                return "a segment is longer than " + MAX_SEGMENT_LENGTH + " characters";
            }
            if (!SEGMENT.matcher(segment).matches()) {
                return "segment '" + segment
                        + "' must start with a letter or digit and hold only letters, digits, '.', '_' and '-'";
            }
        }
        return null;
    }

    @Override
    public String toString() {
        return value;
    }
}
