package org.sapere.storage.local;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.sapere.storage.MediaStorage;
import org.sapere.storage.StorageException;
import org.sapere.storage.StorageKey;
import org.sapere.storage.StoredContent;
import org.sapere.storage.StoredObject;
import org.sapere.storage.StoredObjectNotFoundException;
import org.sapere.storage.UnsatisfiableRangeException;
import org.sapere.storage.internal.CountingInputStream;
import org.sapere.storage.internal.Ranges;

/**
 * Objects as files under a root folder, the key as the relative path. A write goes to a hidden temporary file in the
 * target's folder, is forced to disk, then atomically renamed over the target, so a crash never leaves a half-written
 * file under a key. The content type lives in a hidden sidecar file ({@code .name.type}) beside the object; names
 * starting with a dot can never be keys, so neither the temporary files nor the sidecars can clash with objects.
 */
public class LocalMediaStorage implements MediaStorage {

    static final String TEMP_PREFIX = ".tmp-";
    private static final String TYPE_SUFFIX = ".type";
    private static final String DEFAULT_TYPE = "application/octet-stream";

    private final Path root;

    public LocalMediaStorage(Path root) {
        try {
            this.root = Files.createDirectories(root).toRealPath();
        } catch (IOException e) {
            throw new StorageException("Cannot create the media folder " + root.toAbsolutePath(), e);
        }
    }

    public Path root() {
        return root;
    }

    @Override
    public StoredObject put(StorageKey key, InputStream content, long length, String contentType) {
        var target = pathOf(key);
        Path temp = null;
        Path typeTemp = null;
        try {
            var folder = Files.createDirectories(target.getParent());
            if (Files.isDirectory(target, LinkOption.NOFOLLOW_LINKS)) {
                throw new StorageException("Cannot store '" + key + "': it is a folder of other objects");
            }
            temp = folder.resolve(TEMP_PREFIX + UUID.randomUUID());
            var written = writeDurably(temp, content);
            if (length != UNKNOWN_LENGTH && written != length) {
                throw new StorageException(
                        "Cannot store '" + key + "': " + length + " bytes announced, the stream held " + written);
            }
            typeTemp = folder.resolve(TEMP_PREFIX + UUID.randomUUID());
            writeDurably(typeTemp, new ByteArrayInputStream(contentType.getBytes(StandardCharsets.UTF_8)));
            // The object first, then its type: a crash between the two renames leaves new bytes with the old type.
            moveAtomically(temp, target);
            temp = null;
            moveAtomically(typeTemp, typePathOf(target));
            typeTemp = null;
            syncFolder(folder);
            return metadata(key, target).orElseThrow();
        } catch (IOException e) {
            throw new StorageException("Cannot store '" + key + "': " + e, e);
        } finally {
            deleteQuietly(temp);
            deleteQuietly(typeTemp);
        }
    }

    private static long writeDurably(Path file, InputStream content) throws IOException {
        try (var channel = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            // transferTo copies through one small buffer: the object is never held in memory.
            var counting = new CountingInputStream(content);
            counting.transferTo(Channels.newOutputStream(channel));
            channel.force(true);
            return counting.count();
        }
    }

    private static void moveAtomically(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            throw new IOException("The media folder's filesystem cannot rename atomically", e);
        }
    }

    /** Makes the renames themselves durable; folders cannot be opened for this on every OS, where it is skipped. */
    private static void syncFolder(Path folder) {
        try (var channel = FileChannel.open(folder, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            // Windows cannot open a folder as a channel; NTFS journals the rename itself.
        }
    }

    @Override
    public StoredContent open(StorageKey key) {
        return openRange(key, 0, Long.MAX_VALUE, true);
    }

    @Override
    public StoredContent openRange(StorageKey key, long first, long last) {
        Ranges.check(first, last);
        return openRange(key, first, last, false);
    }

    private StoredContent openRange(StorageKey key, long first, long last, boolean whole) {
        var target = pathOf(key);
        var found = metadata(key, target).orElseThrow(() -> new StoredObjectNotFoundException(key));
        FileChannel channel = null;
        try {
            channel = FileChannel.open(target, StandardOpenOption.READ);
            // The size of the file actually opened: an overwrite since the lookup renamed a new file over the name.
            var size = channel.size();
            var object = new StoredObject(key, size, found.contentType(), found.lastModified());
            if (whole) {
                var stream = Channels.newInputStream(channel);
                channel = null;
                return new StoredContent(object, 0, size - 1, stream);
            }
            if (first >= size) {
                throw new UnsatisfiableRangeException(key, first, size);
            }
            var end = Math.min(last, size - 1);
            var stream = Ranges.limit(Channels.newInputStream(channel.position(first)), end - first + 1);
            channel = null;
            return new StoredContent(object, first, end, stream);
        } catch (NoSuchFileException e) {
            throw new StoredObjectNotFoundException(key);
        } catch (IOException e) {
            throw new StorageException("Cannot read '" + key + "': " + e, e);
        } finally {
            closeQuietly(channel);
        }
    }

    private static void closeQuietly(@Nullable FileChannel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException ignored) {
                // nothing was handed out
            }
        }
    }

    @Override
    public Optional<Path> localFile(StorageKey key) {
        var file = pathOf(key);
        return Files.isRegularFile(file) ? Optional.of(file) : Optional.empty();
    }

    @Override
    public Optional<StoredObject> find(StorageKey key) {
        return metadata(key, pathOf(key));
    }

    private Optional<StoredObject> metadata(StorageKey key, Path file) {
        try {
            var attributes = Files.readAttributes(file, BasicFileAttributes.class);
            if (!attributes.isRegularFile()) {
                return Optional.empty();
            }
            return Optional.of(new StoredObject(
                    key,
                    attributes.size(),
                    contentType(file),
                    attributes.lastModifiedTime().toInstant()));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new StorageException("Cannot read '" + key + "': " + e, e);
        }
    }

    private static String contentType(Path file) throws IOException {
        try {
            var type =
                    Files.readString(typePathOf(file), StandardCharsets.UTF_8).strip();
            return type.isEmpty() ? DEFAULT_TYPE : type;
        } catch (NoSuchFileException e) {
            return DEFAULT_TYPE;
        }
    }

    @Override
    public void delete(StorageKey key) {
        var target = pathOf(key);
        try {
            if (Files.isRegularFile(target, LinkOption.NOFOLLOW_LINKS)) {
                Files.deleteIfExists(target);
                Files.deleteIfExists(typePathOf(target));
                syncFolder(target.getParent());
            }
        } catch (IOException e) {
            throw new StorageException("Cannot delete '" + key + "': " + e, e);
        }
    }

    @Override
    public List<StorageKey> list(String prefix) {
        StorageKey.checkPrefix(prefix);
        // Walk only the deepest folder the prefix names entirely, then filter by the prefix itself.
        var folder = prefix.contains("/") ? root.resolve(prefix.substring(0, prefix.lastIndexOf('/'))) : root;
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        var found = new ArrayList<StorageKey>();
        try (var files = Files.walk(folder)) {
            for (var file : (Iterable<Path>) files::iterator) {
                var relative = root.relativize(file)
                        .toString()
                        .replace(file.getFileSystem().getSeparator(), "/");
                if (relative.startsWith(prefix)
                        && StorageKey.isValid(relative)
                        && Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
                    found.add(StorageKey.of(relative));
                }
            }
        } catch (IOException e) {
            throw new StorageException("Cannot list '" + prefix + "': " + e, e);
        }
        found.sort(Comparator.comparing(StorageKey::value));
        return found;
    }

    @Override
    public void checkWritable() {
        var probe = root.resolve(TEMP_PREFIX + "probe-" + UUID.randomUUID());
        try {
            writeDurably(probe, new ByteArrayInputStream(new byte[] {1}));
        } catch (IOException e) {
            throw new StorageException("The media folder " + root + " is not writable: " + e, e);
        } finally {
            deleteQuietly(probe);
        }
    }

    /**
     * Deletes temporary files that a crash or a killed process left behind, once untouched for {@code idle} (a
     * write in progress keeps touching its file).
     *
     * @return how many were deleted
     */
    public int removeLeftovers(Duration idle) {
        var cutoff = Instant.now().minus(idle);
        var removed = 0;
        try (var files = Files.walk(root)) {
            for (var file : (Iterable<Path>) files::iterator) {
                if (file.getFileName().toString().startsWith(TEMP_PREFIX)
                        && Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)
                        && Files.getLastModifiedTime(file).toInstant().isBefore(cutoff)
                        && Files.deleteIfExists(file)) {
                    removed++;
                }
            }
        } catch (IOException | UncheckedIOException e) {
            throw new StorageException("Cannot clean up " + root + ": " + e, e);
        }
        return removed;
    }

    private Path pathOf(StorageKey key) {
        var path = root.resolve(key.value()).normalize();
        // StorageKey already refuses '..' and absolute keys; this guards against a future change there.
        if (!path.startsWith(root) || path.equals(root)) {
            throw new StorageException("Key '" + key + "' resolves outside the media folder");
        }
        return path;
    }

    private static Path typePathOf(Path file) {
        return file.resolveSibling("." + file.getFileName() + TYPE_SUFFIX);
    }

    private static void deleteQuietly(@Nullable Path file) {
        if (file != null) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException ignored) {
                // A leftover hidden temporary file holds no key and is cleaned up by nothing worse than disk space.
            }
        }
    }
}
