package org.sapere.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link MediaStorage} adapter promises, run against each of them: streamed round trips, ranges,
 * overwrite, delete, clear failures, and writes that are whole or nothing.
 */
abstract class StorageContract {

    static final int MiB = 1024 * 1024;

    /** 50 MB by default; {@code -Dsapere.test.storage.large-mb=500} for a longer run. */
    static final long LARGE = Long.getLong("sapere.test.storage.large-mb", 50) * 1_000_000;

    /** The adapter under test; the same instance for all tests of a class. */
    abstract MediaStorage storage();

    /** Fails if a write under the key left anything behind (temporary files, unfinished uploads). */
    abstract void assertNothingLeftBehind(StorageKey key);

    /** Every test writes under its own prefix, so tests never see each other's objects. */
    String prefix;

    @BeforeEach
    void ownPrefix() {
        prefix = "contract/" + UUID.randomUUID() + "/";
    }

    StorageKey key(String name) {
        return StorageKey.of(prefix + name);
    }

    @Test
    void aLargeFileMakesAStreamedRoundTrip() throws Exception {
        var key = key("video/lecture-1.mp4");
        var baseline = retainedHeap();
        var peak = new long[1];
        var source = new GeneratedStream(LARGE, 42)
                .at(LARGE / 2, () -> peak[0] = Math.max(peak[0], retainedHeap() - baseline))
                .at(LARGE - 1, () -> peak[0] = Math.max(peak[0], retainedHeap() - baseline));

        var stored = storage().put(key, source, MediaStorage.UNKNOWN_LENGTH, "video/mp4");

        assertThat(stored.size()).isEqualTo(LARGE);
        assertThat(stored.contentType()).isEqualTo("video/mp4");
        assertThat(peak[0])
                .as("heap held while storing %d bytes: the adapter must stream, not buffer", LARGE)
                .isLessThan(LARGE / 2);
        var storingPeak = peak[0];
        try (var content = storage().open(key)) {
            assertThat(content.object().size()).isEqualTo(LARGE);
            assertThat(content.length()).isEqualTo(LARGE);
            assertThat(content.partial()).isFalse();
            assertThat(sha256(content.stream(), LARGE / 2, () -> peak[0] = retainedHeap() - baseline))
                    .isEqualTo(source.sha256());
            assertThat(peak[0]).as("heap held while reading").isLessThan(LARGE / 2);
        }
        System.out.printf(
                "%s: %d MB stored and read back; heap held beyond the baseline at most %d MB%n",
                getClass().getSimpleName(), LARGE / 1_000_000, storingPeak / 1_000_000);
    }

    @Test
    void aStreamOfKnownLengthOverSeveralPartsRoundTrips() throws Exception {
        var key = key("materials/slides.pdf");
        var size = 12L * MiB + 17;
        var source = new GeneratedStream(size, 7);

        storage().put(key, source, size, "application/pdf");

        try (var content = storage().open(key)) {
            assertThat(sha256(content.stream())).isEqualTo(source.sha256());
        }
        assertThat(storage().find(key))
                .hasValueSatisfying(object -> assertThat(object.size()).isEqualTo(size));
    }

    @Test
    void aSmallObjectKeepsItsContentType() {
        var key = key("cover.png");

        storage().put(key, bytes("not really a png"), 16, "image/png");

        assertThat(storage().exists(key)).isTrue();
        var object = storage().find(key).orElseThrow();
        assertThat(object.key()).isEqualTo(key);
        assertThat(object.size()).isEqualTo(16);
        assertThat(object.contentType()).isEqualTo("image/png");
        assertThat(object.lastModified()).isNotNull();
        assertThat(read(storage().open(key))).isEqualTo("not really a png");
    }

    @Test
    void anEmptyObjectCanBeStoredAndRead() {
        var key = key("empty.txt");

        storage().put(key, InputStream.nullInputStream(), 0, "text/plain");

        try (var content = storage().open(key)) {
            assertThat(content.object().size()).isZero();
            assertThat(content.length()).isZero();
        }
        assertThat(read(storage().open(key))).isEmpty();
    }

    @Test
    void rangesReadPartsOfAnObject() {
        var key = key("alphabet.txt");
        storage().put(key, bytes("abcdefghijklmnopqrstuvwxyz"), MediaStorage.UNKNOWN_LENGTH, "text/plain");

        try (var middle = storage().openRange(key, 3, 6)) {
            assertThat(middle.first()).isEqualTo(3);
            assertThat(middle.last()).isEqualTo(6);
            assertThat(middle.length()).isEqualTo(4);
            assertThat(middle.partial()).isTrue();
            assertThat(middle.object().size()).isEqualTo(26);
            assertThat(middle.object().contentType()).isEqualTo("text/plain");
            assertThat(read(middle)).isEqualTo("defg");
        }
        try (var tail = storage().openRange(key, 20, Long.MAX_VALUE)) {
            assertThat(tail.last()).isEqualTo(25);
            assertThat(read(tail)).isEqualTo("uvwxyz");
        }
        assertThat(read(storage().openRange(key, 25, 25))).isEqualTo("z");
        try (var beyond = storage().openRange(key, 24, 40)) {
            assertThat(beyond.last()).isEqualTo(25);
            assertThat(read(beyond)).isEqualTo("yz");
        }
        assertThatThrownBy(() -> storage().openRange(key, 26, 30))
                .isInstanceOfSatisfying(
                        UnsatisfiableRangeException.class,
                        e -> assertThat(e.size()).isEqualTo(26));
        assertThatThrownBy(() -> storage().openRange(key, 5, 4)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> storage().openRange(key, -1, 4)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aRangeDeepInsideALargeObjectIsReadWithoutTheRest() throws Exception {
        var key = key("video/long.mp4");
        var size = 11L * MiB;
        var source = new GeneratedStream(size, 3);
        storage().put(key, source, size, "video/mp4");
        var first = 9L * MiB + 5;
        var last = first + 999;

        var skipped = new GeneratedStream(size, 3);
        skipped.skipNBytes(first);
        var want = MessageDigest.getInstance("SHA-256");
        var buffer = new byte[1000];
        var n = skipped.readNBytes(buffer, 0, 1000);
        want.update(buffer, 0, n);

        try (var range = storage().openRange(key, first, last)) {
            assertThat(range.length()).isEqualTo(1000);
            assertThat(sha256(range.stream())).isEqualTo(HexFormat.of().formatHex(want.digest()));
        }
    }

    @Test
    void anOverwriteReplacesBytesAndType() {
        var key = key("notes.txt");
        storage().put(key, bytes("first version"), MediaStorage.UNKNOWN_LENGTH, "text/plain");

        storage().put(key, bytes("<p>second</p>"), MediaStorage.UNKNOWN_LENGTH, "text/html");

        var object = storage().find(key).orElseThrow();
        assertThat(object.contentType()).isEqualTo("text/html");
        assertThat(object.size()).isEqualTo(13);
        assertThat(read(storage().open(key))).isEqualTo("<p>second</p>");
        assertThat(storage().list(prefix)).containsExactly(key);
    }

    @Test
    void deleteRemovesAndIsIdempotent() {
        var key = key("old.pdf");
        storage().put(key, bytes("x"), 1, "application/pdf");

        storage().delete(key);

        assertThat(storage().exists(key)).isFalse();
        assertThatThrownBy(() -> storage().open(key)).isInstanceOf(StoredObjectNotFoundException.class);
        storage().delete(key);
        storage().delete(key("never-stored"));
    }

    @Test
    void aMissingKeyIsAClearNotFound() {
        var key = key("missing.png");

        assertThat(storage().find(key)).isEmpty();
        assertThat(storage().exists(key)).isFalse();
        assertThatThrownBy(() -> storage().open(key))
                .isInstanceOfSatisfying(
                        StoredObjectNotFoundException.class,
                        e -> assertThat(e.key()).isEqualTo(key))
                .hasMessageContaining(key.value());
        assertThatThrownBy(() -> storage().openRange(key, 0, 10)).isInstanceOf(StoredObjectNotFoundException.class);
    }

    @Test
    void aFolderOfObjectsIsNotAnObject() {
        storage().put(key("course/cover.png"), bytes("x"), 1, "image/png");

        assertThat(storage().exists(key("course"))).isFalse();
        assertThatThrownBy(() -> storage().open(key("course"))).isInstanceOf(StoredObjectNotFoundException.class);
    }

    @Test
    void listFindsKeysByPrefixInOrder() {
        for (var name : new String[] {"b/2.txt", "a/1.txt", "b/1.txt", "ab.txt"}) {
            storage().put(key(name), bytes(name), MediaStorage.UNKNOWN_LENGTH, "text/plain");
        }

        assertThat(storage().list(prefix))
                .containsExactly(key("a/1.txt"), key("ab.txt"), key("b/1.txt"), key("b/2.txt"));
        assertThat(storage().list(prefix + "b/")).containsExactly(key("b/1.txt"), key("b/2.txt"));
        assertThat(storage().list(prefix + "a")).containsExactly(key("a/1.txt"), key("ab.txt"));
        assertThat(storage().list(prefix + "c/")).isEmpty();
        assertThatThrownBy(() -> storage().list("../")).isInstanceOf(InvalidStorageKeyException.class);
    }

    @Test
    void aStreamThatFailsMidwayLeavesNothingUnderTheKey() {
        var key = key("materials/broken-upload.zip");
        var source = new GeneratedStream(30L * MiB, 1).failingAt(13L * MiB);

        assertThatThrownBy(() -> storage().put(key, source, MediaStorage.UNKNOWN_LENGTH, "application/zip"))
                .isInstanceOf(StorageException.class)
                .hasMessageContaining(key.value())
                .hasRootCauseMessage("Simulated failure of the source stream at byte " + 13L * MiB);

        assertThat(storage().exists(key)).isFalse();
        assertThat(storage().list(prefix)).isEmpty();
        assertNothingLeftBehind(key);
    }

    @Test
    void aFailedOverwriteKeepsTheOldObjectAndReadersNeverSeeAHalfWrittenOne() throws Exception {
        var key = key("materials/week-1.zip");
        var old = new GeneratedStream(6L * MiB, 5);
        storage().put(key, old, MediaStorage.UNKNOWN_LENGTH, "application/zip");
        var seenMidway = new long[] {-1};
        var source = new GeneratedStream(30L * MiB, 6)
                .at(
                        11L * MiB,
                        () -> seenMidway[0] = storage().find(key).orElseThrow().size())
                .failingAt(17L * MiB);

        assertThatThrownBy(() -> storage().put(key, source, MediaStorage.UNKNOWN_LENGTH, "text/plain"))
                .isInstanceOf(StorageException.class);

        assertThat(seenMidway[0]).as("size seen by a reader during the write").isEqualTo(6L * MiB);
        var object = storage().find(key).orElseThrow();
        assertThat(object.contentType()).isEqualTo("application/zip");
        try (var content = storage().open(key)) {
            assertThat(sha256(content.stream())).isEqualTo(old.sha256());
        }
        assertNothingLeftBehind(key);
    }

    @Test
    void aStreamShorterOrLongerThanAnnouncedIsRefused() {
        var shorter = key("shorter.bin");
        var longer = key("longer.bin");
        var longerParts = key("longer-parts.bin");

        assertThatThrownBy(() -> storage().put(shorter, bytes("12345"), 10, "application/octet-stream"))
                .isInstanceOf(StorageException.class)
                .hasMessageContaining("10 bytes announced");
        assertThatThrownBy(() -> storage().put(longer, bytes("12345"), 3, "application/octet-stream"))
                .isInstanceOf(StorageException.class);
        assertThatThrownBy(() -> storage()
                        .put(longerParts, new GeneratedStream(7L * MiB, 9), 6L * MiB, "application/octet-stream"))
                .isInstanceOf(StorageException.class);

        assertThat(storage().exists(shorter)).isFalse();
        assertThat(storage().exists(longer)).isFalse();
        assertThat(storage().exists(longerParts)).isFalse();
        assertNothingLeftBehind(longerParts);
    }

    @Test
    void itIsWritable() {
        storage().checkWritable();

        assertThat(storage().list("")).allSatisfy(key -> assertThat(key.value()).doesNotContain("probe"));
    }

    static InputStream bytes(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }

    static String read(StoredContent content) {
        try (content) {
            return new String(content.stream().readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    static String sha256(InputStream in) throws Exception {
        return sha256(in, Long.MAX_VALUE, () -> {});
    }

    /** Reads through a digest with a fixed buffer, running {@code action} once {@code at} bytes are read. */
    static String sha256(InputStream in, long at, Runnable action) throws Exception {
        var digesting = new DigestInputStream(in, MessageDigest.getInstance("SHA-256"));
        var buffer = new byte[64 * 1024];
        long total = 0;
        var done = false;
        for (int n; (n = digesting.read(buffer)) >= 0; ) {
            total += n;
            if (!done && total >= at) {
                action.run();
                done = true;
            }
        }
        return HexFormat.of().formatHex(digesting.getMessageDigest().digest());
    }

    /** The heap still in use after a full collection. */
    static long retainedHeap() {
        System.gc();
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
