package org.sapere.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sapere.storage.local.LocalMediaStorage;

/** The storage contract on the local filesystem adapter, plus what only files can show. */
class StorageLocalTests extends StorageContract {

    @TempDir
    static Path folder;

    static LocalMediaStorage storage;

    @BeforeAll
    static void start() {
        storage = new LocalMediaStorage(folder.resolve("media"));
    }

    @Override
    MediaStorage storage() {
        return storage;
    }

    @Override
    void assertNothingLeftBehind(StorageKey key) {
        try (var files = Files.walk(storage.root())) {
            assertThat(files.map(Path::getFileName).map(Path::toString))
                    .as("temporary files left in %s", storage.root())
                    .noneMatch(name -> name.startsWith(".tmp-"));
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void objectsArePlainFilesUnderTheirKeys() throws IOException {
        storage.put(key("course/cover.png"), bytes("png bytes"), 9, "image/png");

        var file = storage.root().resolve(prefix).resolve("course/cover.png");
        assertThat(file).hasContent("png bytes");
        assertThat(Files.list(file.getParent()).map(p -> p.getFileName().toString()))
                .containsExactlyInAnyOrder("cover.png", ".cover.png.type");
    }

    @Test
    void filesLeftByOthersUnderHiddenNamesAreNotListed() throws IOException {
        storage.put(key("a.txt"), bytes("a"), 1, "text/plain");
        Files.writeString(storage.root().resolve(prefix).resolve(".tmp-leftover"), "half");

        assertThat(storage.list(prefix)).containsExactly(key("a.txt"));
    }

    @Test
    void aKeyCannotReplaceAFolderOfOtherObjects() {
        storage.put(key("course/cover.png"), bytes("x"), 1, "image/png");

        assertThatThrownBy(() -> storage.put(key("course"), bytes("y"), 1, "text/plain"))
                .isInstanceOf(StorageException.class)
                .hasMessageContaining("folder");
        assertThat(storage.exists(key("course/cover.png"))).isTrue();
    }

    @Test
    void aMediaFolderThatIsGoneIsReportedNotWritable() throws IOException {
        var gone = new LocalMediaStorage(folder.resolve("gone"));
        Files.delete(gone.root());
        Files.writeString(gone.root(), "a file where the folder was"); // unwritable even for root

        assertThatThrownBy(gone::checkWritable)
                .isInstanceOf(StorageException.class)
                .hasMessageContaining("not writable");
    }

    @Test
    void temporaryFilesLeftByACrashAreRemovedOnceIdle() throws IOException {
        storage.put(key("kept.txt"), bytes("kept"), 4, "text/plain");
        var folder = storage.root().resolve(prefix);
        var stale = Files.writeString(folder.resolve(".tmp-stale"), "half a file");
        Files.setLastModifiedTime(stale, FileTime.from(Instant.now().minus(Duration.ofHours(2))));
        var busy = Files.writeString(folder.resolve(".tmp-busy"), "being written");

        assertThat(storage.removeLeftovers(Duration.ofHours(1))).isGreaterThanOrEqualTo(1);

        assertThat(stale).doesNotExist();
        assertThat(busy).exists();
        assertThat(read(storage.open(key("kept.txt")))).isEqualTo("kept");
        Files.delete(busy);
    }

    @Test
    void aReaderKeepsTheBytesItOpenedWhileTheObjectIsReplaced() throws Exception {
        var key = key("video/segment-1.ts");
        var old = new GeneratedStream(3L * MiB, 11);
        storage.put(key, old, MediaStorage.UNKNOWN_LENGTH, "video/mp2t");

        try (var reading = storage.open(key)) {
            var firstByte = reading.stream().read();
            storage.put(key, new GeneratedStream(1L * MiB, 12), MediaStorage.UNKNOWN_LENGTH, "video/mp2t");

            assertThat(reading.object().size()).isEqualTo(3L * MiB);
            var rest = reading.stream().readAllBytes();
            var digest = MessageDigest.getInstance("SHA-256");
            digest.update((byte) firstByte);
            digest.update(rest);
            assertThat(HexFormat.of().formatHex(digest.digest())).isEqualTo(old.sha256());
        }
        assertThat(storage.find(key).orElseThrow().size()).isEqualTo(1L * MiB);
    }
}
