package org.sapere.video.domain;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import org.sapere.jobs.Jobs;
import org.sapere.storage.MediaStorage;
import org.sapere.storage.StorageKey;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Resumable video uploads (the tus protocol's core): an upload is created with its length, its bytes arrive in any
 * number of requests, each appended at the offset the client says (which must be where the previous one ended),
 * and the client asks for the offset to resume after a cut. The bytes wait in a part file on this instance's disk
 * (never in memory); when the last byte arrives, ffprobe checks the file, it goes into media storage and a
 * transcoding job is queued, or it is refused and nothing of it remains.
 */
@Component
public class Uploads {

    private static final Logger log = LoggerFactory.getLogger(Uploads.class);

    /** The job type that turns an upload into HLS. */
    public static final String TRANSCODE = "video.transcode";

    private final JdbcClient jdbc;
    private final Ffmpeg ffmpeg;
    private final MediaStorage storage;
    private final VideoAssets assets;
    private final Jobs jobs;
    private final TransactionTemplate transactions;
    private final VideoProperties properties;
    private final Path folder;
    private final Clock clock;
    private final ConcurrentHashMap<UUID, ReentrantLock> writing = new ConcurrentHashMap<>();

    Uploads(
            JdbcClient jdbc,
            Ffmpeg ffmpeg,
            MediaStorage storage,
            VideoAssets assets,
            Jobs jobs,
            TransactionTemplate transactions,
            VideoProperties properties,
            @Value("${sapere.data-dir:./data}") Path dataDir,
            Optional<Clock> clock) {
        this.jdbc = jdbc;
        this.ffmpeg = ffmpeg;
        this.storage = storage;
        this.assets = assets;
        this.jobs = jobs;
        this.transactions = transactions;
        this.properties = properties;
        this.folder = properties.uploadDir() != null ? properties.uploadDir() : dataDir.resolve("uploads");
        this.clock = clock.orElse(Clock.systemUTC());
    }

    /** An upload refused with a reason for the author ({@code messageKey}, with an optional argument). */
    public static class UploadRefusedException extends RuntimeException {

        private final String messageKey;
        private final Object argument;
        private final int status;

        public UploadRefusedException(int status, String messageKey, Object argument, String detail) {
            super(detail);
            this.status = status;
            this.messageKey = messageKey;
            this.argument = argument;
        }

        public String messageKey() {
            return messageKey;
        }

        public Object argument() {
            return argument;
        }

        /** The HTTP status to answer with. */
        public int status() {
            return status;
        }
    }

    /** The offset the next bytes must start at and the upload's total length. */
    public record Offset(long offset, long length) {}

    /** How an append ended: still waiting for bytes, or complete with the new video's id. */
    public record Appended(long offset, long length, Optional<UUID> asset) {}

    public long maxBytes() {
        return properties.maxUploadSize().toBytes();
    }

    public long maxChunkBytes() {
        return properties.maxChunkSize().toBytes();
    }

    /** Starts an upload for a lesson the caller has already checked the person may edit. */
    public UUID create(UUID person, UUID course, UUID lesson, String fileName, long length) {
        if (!ffmpeg.available()) {
            throw new UploadRefusedException(
                    503, "video.unavailable", "", ffmpeg.unavailableReason().orElse(""));
        }
        if (length <= 0) {
            throw new UploadRefusedException(422, "video.error.empty", "", "empty upload");
        }
        if (length > maxBytes()) {
            throw new UploadRefusedException(
                    413, "video.error.tooLarge", properties.maxUploadSize().toGigabytes(), "too large: " + length);
        }
        var id = UUID.randomUUID();
        var now = clock.instant();
        try {
            Files.createDirectories(folder);
            Files.createFile(partFile(id));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        jdbc.sql("""
                INSERT INTO video.upload (id, uploader_account_id, course_id, lesson_id, file_name, length, created_at, updated_at)
                VALUES (:id, :person, :course, :lesson, :name, :length, :now, :now)""")
                .param("id", id)
                .param("person", person)
                .param("course", course)
                .param("lesson", lesson)
                .param("name", cleanName(fileName))
                .param("length", length)
                .param("now", java.sql.Timestamp.from(now))
                .update();
        return id;
    }

    /** Where an upload stands, if it is this person's and still open. */
    public Optional<Offset> offset(UUID id, UUID person) {
        return row(id, person)
                .filter(r -> Files.exists(partFile(id)))
                .map(r -> new Offset(currentSize(id), r.length()));
    }

    /**
     * Appends bytes at {@code offset}, which must equal what is already there. A request cut off midway keeps the
     * bytes that arrived: the client asks for the offset and goes on from there.
     *
     * @throws UploadRefusedException 409 for a wrong offset or another request writing, 404 for an unknown upload,
     *     413 for bytes past the declared length, 422 when the complete file is not a video Sapere can read
     */
    public Appended append(UUID id, UUID person, long offset, InputStream body) {
        var upload = row(id, person)
                .orElseThrow(() -> new UploadRefusedException(404, "video.upload.unknown", "", "no upload " + id));
        var lock = writing.computeIfAbsent(id, k -> new ReentrantLock());
        if (!lock.tryLock()) {
            throw new UploadRefusedException(409, "video.upload.busy", "", "another request is writing " + id);
        }
        try {
            if (!Files.exists(partFile(id))) {
                // Its bytes are on another instance's disk, or were lost: the upload must start again.
                discard(id);
                throw new UploadRefusedException(404, "video.upload.unknown", "", "no part file for " + id);
            }
            var size = currentSize(id);
            if (offset != size) {
                throw new UploadRefusedException(409, "video.upload.offset", size, "offset " + offset + " != " + size);
            }
            long written = size;
            try (var channel = FileChannel.open(partFile(id), StandardOpenOption.WRITE, StandardOpenOption.APPEND)) {
                var buffer = new byte[256 * 1024];
                int n;
                while ((n = body.read(buffer)) > 0) {
                    if (written + n > upload.length()) {
                        channel.write(ByteBuffer.wrap(buffer, 0, (int) (upload.length() - written)));
                        channel.force(false);
                        throw new UploadRefusedException(413, "video.upload.pastEnd", "", "bytes past the length");
                    }
                    channel.write(ByteBuffer.wrap(buffer, 0, n));
                    written += n;
                }
                channel.force(false);
            } catch (IOException e) {
                // The client went away mid-request: what arrived stays, and it resumes from there.
                log.debug("Upload {} cut off at {} bytes: {}", id, currentSize(id), e.getMessage());
                return new Appended(currentSize(id), upload.length(), Optional.empty());
            }
            jdbc.sql("UPDATE video.upload SET updated_at = :now WHERE id = :id")
                    .param("id", id)
                    .param("now", java.sql.Timestamp.from(clock.instant()))
                    .update();
            if (written < upload.length()) {
                return new Appended(written, upload.length(), Optional.empty());
            }
            return new Appended(written, upload.length(), Optional.of(finish(upload)));
        } finally {
            lock.unlock();
            writing.remove(id, lock);
        }
    }

    /** Gives up an upload (the tus termination request); nothing of it remains. */
    public boolean cancel(UUID id, UUID person) {
        if (row(id, person).isEmpty()) {
            return false;
        }
        discard(id);
        return true;
    }

    private UUID finish(Row upload) {
        var part = partFile(upload.id());
        UUID asset;
        try {
            asset = register(
                    upload.course(),
                    upload.lesson(),
                    upload.fileName(),
                    part,
                    () -> jdbc.sql("DELETE FROM video.upload WHERE id = :id")
                            .param("id", upload.id())
                            .update());
        } catch (UnreadableVideoException e) {
            log.info("Refused upload {} ({}): {}", upload.id(), upload.fileName(), e.getMessage());
            discard(upload.id());
            throw new UploadRefusedException(422, e.messageKey(), upload.fileName(), e.getMessage());
        }
        deletePart(upload.id());
        return asset;
    }

    /**
     * Makes a complete file a lesson's new video: checks it with ffprobe, stores it, and queues its processing (in
     * one transaction with {@code alsoInTransaction}). The file itself is left where it is.
     *
     * @throws UnreadableVideoException when it is not a video Sapere can read; nothing is stored then
     */
    public UUID register(UUID course, UUID lesson, String fileName, Path file, Runnable alsoInTransaction) {
        var probe = ffmpeg.probe(file);
        var asset = UUID.randomUUID();
        var key = StorageKey.of("video/" + asset + "/source" + extension(fileName));
        String sha256;
        long length;
        try (var in = new DigestInputStream(Files.newInputStream(file), MessageDigest.getInstance("SHA-256"))) {
            length = Files.size(file);
            storage.put(key, in, length, "application/octet-stream");
            sha256 = HexFormat.of().formatHex(in.getMessageDigest().digest());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        try {
            transactions.executeWithoutResult(tx -> {
                var job = jobs.enqueue(TRANSCODE, asset.toString());
                assets.insert(asset, lesson, course, fileName, key.value(), length, sha256, job, clock.instant());
                alsoInTransaction.run();
            });
        } catch (RuntimeException e) {
            storage.delete(key);
            throw e;
        }
        log.info(
                "Video {} of lesson {} stored ({} bytes, {}x{}, {} s); processing queued",
                asset,
                lesson,
                length,
                probe.width(),
                probe.height(),
                Math.round(probe.durationSeconds()));
        return asset;
    }

    /** Removes uploads nobody has touched for a while (the client gave up). */
    @Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT5M")
    void removeAbandoned() {
        var before = clock.instant().minus(properties.abandonedUploadsAfter());
        var stale = jdbc.sql("SELECT id FROM video.upload WHERE updated_at < :before")
                .param("before", java.sql.Timestamp.from(before))
                .query(UUID.class)
                .list();
        stale.forEach(this::discard);
        if (!stale.isEmpty()) {
            log.info("Removed {} abandoned video uploads", stale.size());
        }
    }

    private void discard(UUID id) {
        jdbc.sql("DELETE FROM video.upload WHERE id = :id").param("id", id).update();
        deletePart(id);
    }

    private void deletePart(UUID id) {
        try {
            Files.deleteIfExists(partFile(id));
        } catch (IOException e) {
            log.warn("Could not remove {}: {}", partFile(id), e.getMessage());
        }
    }

    private long currentSize(UUID id) {
        try {
            return Files.size(partFile(id));
        } catch (IOException e) {
            return 0;
        }
    }

    private Path partFile(UUID id) {
        return folder.resolve(id + ".part");
    }

    record Row(UUID id, UUID course, UUID lesson, String fileName, long length) {}

    private Optional<Row> row(UUID id, UUID person) {
        return jdbc.sql("""
                SELECT id, course_id, lesson_id, file_name, length FROM video.upload
                WHERE id = :id AND uploader_account_id = :person""")
                .param("id", id)
                .param("person", person)
                .query((rs, n) -> new Row(
                        rs.getObject(1, UUID.class),
                        rs.getObject(2, UUID.class),
                        rs.getObject(3, UUID.class),
                        rs.getString(4),
                        rs.getLong(5)))
                .optional();
    }

    static String cleanName(String name) {
        var base = name.replace('\\', '/');
        base = base.substring(base.lastIndexOf('/') + 1)
                .replaceAll("\\p{Cntrl}", "")
                .strip();
        if (base.isEmpty()) {
            return "video";
        }
        return base.length() > 200 ? base.substring(0, 200) : base;
    }

    static String extension(String fileName) {
        var dot = fileName.lastIndexOf('.');
        var ext = dot < 0 ? "" : fileName.substring(dot + 1).toLowerCase(Locale.ROOT);
        return ext.matches("mp4|m4v|mov|mkv|webm|avi|mpg|mpeg|ogv|wmv|ts|mts") ? "." + ext : ".bin";
    }
}
